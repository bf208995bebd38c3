-- loadfile and dofile with relative paths, env parameter and errors
local f = loadfile("load/data/chunk.lua")
print(type(f), f(1, 2))
print(dofile("load/data/chunk.lua"))
print(loadfile("load/data/broken.lua"))
print(loadfile("load/data/missing.lua"))
print(pcall(dofile, "load/data/broken.lua"))
print(pcall(dofile, "load/data/missing.lua"))
local env = {}
local g = loadfile("load/data/chunk.lua", "t", env)
print(g(), env.counter, counter)
