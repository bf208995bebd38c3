-- the env parameter becomes the chunk's _ENV
local env = {x = 5, print = print}
local f = load("y = x * 2; return x, _ENV", "chunk", "t", env)
local x, e = f()
print(x, e == env, env.y, y)
local g = load("return tostring", nil, nil, {})
print(g())
local h = load("return a", "c", "t", setmetatable({}, {__index = function(_, k) return "dyn " .. k end}))
print(h())
print(pcall(load("return undefined.x", "=nilenv", "t", nil)))
print(pcall(load("print('no print')", "=empty", "t", {})))
local counter = load("n = (n or 0) + 1; return n", "c", "t", {})
print(counter(), counter(), counter())
