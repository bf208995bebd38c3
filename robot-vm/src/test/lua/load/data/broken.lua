-- a chunk with a syntax error used by load/dofile_loadfile.lua
local x = = 1
