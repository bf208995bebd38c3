-- errors with non-string values as seen through tostring and pcall
local ok, e = pcall(error, 12)
print(ok, e, math.type(e))
ok, e = pcall(error, 1.5)
print(ok, e)
ok, e = pcall(function() error(setmetatable({}, {__index = function() return "virtual" end})) end)
print(ok, e.anything)
print(pcall(assert, 1, 2, 3))
print(pcall(assert, false, 99))
