-- integer-aware operations and conversions at the limits
print(math.maxinteger // -1, math.mininteger // 1, math.maxinteger % -2, math.mininteger % 2)
print(7 // 0.5, 7 % 0.5, -7 % 0.5, 2^62 // 1, (2^62 | 0) // 3)
print(math.floor(-0.5), math.ceil(-0.5), math.floor(2^62), math.ceil(2^63))
print(string.format("%.0f", 2^63), math.tointeger(-2^63), math.tointeger(2^63))
local s = 0
for i = 1, 100 do s = s + i * i end
print(s, s / 100, s // 100, s % 100)
print(100000000000000 * 100000, 1e14 * 1e5)
