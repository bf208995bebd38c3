-- integer arithmetic wraps around on overflow
local max, min = math.maxinteger, math.mininteger
print(max + 1 == min, min - 1 == max, max * 2, min * -1, -min)
print(max + 1, min - 1, max * max)
print(0x7fffffffffffffff + 1, 0xffffffffffffffff, 0x10000000000000000)
print(min // -1, min % -1)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(math.abs(min), math.abs(max))
print(1 << 63, (1 << 63) - 1, 1 << 64, 1 << -1, -1 >> 1, -1 >> 63, -1 >> 64)
