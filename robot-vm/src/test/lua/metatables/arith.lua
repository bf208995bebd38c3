-- arithmetic metamethods, operand order and fallback to the second operand
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b)
  if type(a) == "number" then return vec(a + b.x, a + b.y) end
  if type(b) == "number" then return vec(a.x + b, a.y + b) end
  return vec(a.x + b.x, a.y + b.y)
end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) return type(b) == "number" and vec(a.x * b, a.y * b) or a.x * b.x + a.y * b.y end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
V.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 2), tostring(b / 2), tostring(b % 3))
print(tostring(a ^ 2), tostring(-a), tostring(b // 2), tostring(1 + a), tostring(a + 1))
local only_right = setmetatable({}, {__add = function(x, y) return "right handler " .. type(x) .. " " .. type(y) end})
print(1 + only_right, only_right + 1, "s" + only_right)
print(pcall(function() return {} + only_right end))
print(pcall(function() return a .. b end))
