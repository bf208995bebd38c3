-- a module that requires another module
local counter = require("require.lib.counter")
return {value = counter.double(21)}
