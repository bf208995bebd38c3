-- floor division and modulo on negative operands, integers and floats
for _, p in ipairs({{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {7.5, 2}, {-7.5, 2}, {7, -2.5}, {0, 5}}) do
  local a, b = p[1], p[2]
  print(a, b, a // b, a % b, a / b)
end
print(5 // 0.0, -5 // 0.0, 5 % 0.0 ~= 5 % 0.0, 0.0 / 0.0 ~= 0.0 / 0.0, 1 / 0, -1 / 0, 0 / -1, 0.0 / -1)
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge)
print(5.3 % 2, -5.3 % 2, 5.3 % -2, math.fmod(-5.3, 2), math.fmod(5, -3), math.fmod(-5, 3))
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0), math.fmod(math.mininteger, -1))
