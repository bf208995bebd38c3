-- bitwise metamethods including for floats without integer representation
local B = {}
local function mk(v) return setmetatable({v = v}, B) end
local function val(x) return type(x) == "table" and x.v or x end
for _, ev in ipairs({"band", "bor", "bxor", "shl", "shr"}) do
  B["__" .. ev] = function(a, b) return ev .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")" end
end
B.__bnot = function(a) return "bnot(" .. a.v .. ")" end
local x = mk(6)
print(x & 3, x | 3, x ~ 3, x << 1, x >> 1, ~x, 3 & x, 1.5 | x)
local F = setmetatable({}, {__band = function() return "float ok" end})
print(F & 1.5, 2.5 & F)
print(pcall(function() return 1.5 & 1 end))
