local a = 1 + 2 * 3 - 4 / 2
local b = 7 // 2, 7 % 3, 2^10, 1 << 62, 1 >> 1, 3 & 5, 3 | 5, 3 ~ 5, ~0
local c = 1 // 0, 1 % 0, 1.0 // 0, 0/0, -0.0, 1 - 1.0, 3.5 & 1, 2.0 | 1
local d = -(-9223372036854775807 - 1), 9223372036854775807 + 1, -1e308 * 10
local e = "a" .. "b" .. 1 .. 2.5
local f = 2^53 + 1, 1e15, 123456789012, -65536, 65535, 65536, -65535
local g = 1.5, 0.5, 100.0, -100.0, 1e300, 3 / 2
local h = 0x10, 0xff.8p1, 0x7fffffffffffffff, 0xffffffffffffffff, 1e-3
print(a, b, c, d, e, f, g, h)
local x = ...
print(x + 1, x - 1, x * 2, x / 2, x % 2, x ^ 2, x // 2, x & 1, x | 1, x ~ 1, x << 1, x >> 1)
print(1 + x, 1 - x, 2 * x, 2 / x, 2 % x, 2 ^ x, 2 // x, 1 & x, 1 | x, 1 ~ x, 1 << x, 1 >> x)
print(x + 1.5, x - 200, x + 200, x - 127, x - 128, x + 127, x + 128, x << 127, x >> -3, 3 << x)
print(x + x, -x, ~x, not x, #x, x .. x, x + 1000000000000)
print(x == 1, x ~= 1, x == 1.0, x == 1.5, x == "a", x == nil, x == true, x == false, 1 == x)
print(x < 1, x <= 1, x > 1, x >= 1, 1 < x, 1 <= x, 1 > x, 1 >= x, x < 1.0, x < 200, 1.5 < x, x < x)
print(x < "a", "a" < x, x == x, x ~= x)
