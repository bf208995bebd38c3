-- __metatable protects metatables and is returned by getmetatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(getmetatable("").__metatable, getmetatable(1), getmetatable(print), getmetatable(nil))
local falsy = setmetatable({}, {__metatable = false})
print(getmetatable(falsy))
print(pcall(setmetatable, {}, 42))
print(pcall(setmetatable, 42, {}))
print(pcall(setmetatable, {}))
local mt = {}
local u = setmetatable({}, mt)
print(getmetatable(u) == mt, setmetatable(u, nil) == u, getmetatable(u))
