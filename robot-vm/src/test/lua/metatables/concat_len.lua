-- __concat in both positions and in chains, __len on tables
local S = {}
S.__concat = function(a, b)
  local av = type(a) == "table" and "<" .. a.s .. ">" or tostring(a)
  local bv = type(b) == "table" and "<" .. b.s .. ">" or tostring(b)
  return av .. bv
end
local x = setmetatable({s = "x"}, S)
print(x .. "s", "s" .. x, 1 .. x, x .. x, "a" .. "b" .. x .. "c" .. "d")
local L = setmetatable({1, 2, 3}, {__len = function(t) return 42 end})
print(#L, rawlen(L))
local L2 = setmetatable({}, {__len = function() return "not a number" end})
print(#L2)
print(pcall(function() return #setmetatable({}, {__len = function() error("len failed") end}) end))
