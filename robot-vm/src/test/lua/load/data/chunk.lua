-- a data chunk loaded by loadfile and dofile from load/dofile_loadfile.lua
local args = {...}
counter = (counter or 0) + 1
return "chunk result", #args, counter
