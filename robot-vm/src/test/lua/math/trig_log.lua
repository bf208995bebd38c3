-- trigonometric, exponential and logarithmic functions printed with %.14g
local vals = {0, 0.5, 1, 2, math.pi / 6, math.pi / 4, math.pi / 3}
for _, v in ipairs(vals) do
  print(v, math.sin(v), math.cos(v), math.tan(v), math.exp(v), math.sqrt(v))
end
for _, v in ipairs({1, 2, 10, 100, 0.5, 1e10}) do print(v, math.log(v), math.log(v, 2), math.log(v, 10), math.log(v, 3)) end
print(math.atan(1, 2), math.atan(-1, -2), math.atan(0, 0), math.asin(0.5), math.acos(0.5))
print(2^0.5, 10^-2, 8^(1/3), (-8)^(1/3) ~= (-8)^(1/3))
