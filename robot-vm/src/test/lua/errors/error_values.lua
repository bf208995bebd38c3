-- error values of any type travel unchanged through pcall
print(pcall(error, "msg", 0))
print(pcall(error, 42))
print(pcall(error, nil))
print(pcall(error))
print(pcall(error, true))
local t = {code = 7}
local ok, e = pcall(error, t)
print(ok, e == t, e.code)
local ok2, e2 = pcall(error, setmetatable({}, {__tostring = function() return "custom error" end}))
print(ok2, tostring(e2))
local ok3, e3 = pcall(function() error({1, 2, 3}) end)
print(ok3, type(e3), #e3)
print(select("#", pcall(error)))
