-- bitwise operators on integers and integral floats
print(5 & 3, 5 | 3, 5 ~ 3, ~5, ~0, 1 << 4, 256 >> 4, -1 >> 60)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ~ 0x0F, 1 << 62, 1 << 63, 1 << 64)
print(3 >> -1, 3 << -1, 2.0 & 3, 0xffffffffffffffff >> 32)
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return "a" & 1 end))
print(pcall(function() return {} | 1 end))
print(pcall(function() return ~2.5 end))
for i = 0, 5 do io.write(1 << (i * 13), " ") end print()
