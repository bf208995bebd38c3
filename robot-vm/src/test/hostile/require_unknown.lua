-- stopped by: module 'socket' not found: not granted to this sandbox
local socket = require('socket')
