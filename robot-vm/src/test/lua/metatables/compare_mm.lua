-- __eq, __lt and __le; __eq only for two tables/userdata and result converted to boolean
local C = {}
C.__eq = function(a, b) return a.v == b.v end
C.__lt = function(a, b) return a.v < b.v end
C.__le = function(a, b) return a.v <= b.v end
local function c(v) return setmetatable({v = v}, C) end
local a, b, a2 = c(1), c(2), c(1)
print(a == a2, a ~= a2, a == b, a < b, a <= a2, a > b, b >= a, a == 1)
local T = {__eq = function() return "truthy" end, __lt = function() return nil end}
local t1, t2 = setmetatable({}, T), setmetatable({}, T)
print(t1 == t2, t1 < t2, rawequal(t1, t2))
local onlylt = {__lt = function(a, b) return a.v < b.v end}
local x, y = setmetatable({v = 1}, onlylt), setmetatable({v = 2}, onlylt)
print(x < y, pcall(function() return x <= y end))
local mixed = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
print(1 < mixed, mixed < 1, pcall(function() return "s" < mixed end))
local other = setmetatable({}, {__eq = function() return true end})
print(setmetatable({}, {}) == other, other == setmetatable({}, {}))
