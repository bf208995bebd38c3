-- integer and float subtypes are kept apart and printed differently
print(1, 1.0, -0.0, 3 / 2, 4 / 2, 7 // 2, 7.0 // 2, 2^2, 10 // 3.0)
print(math.type(3), math.type(3.0), math.type(2^53), math.type(1 // 1), math.type(1e3))
print(1e15, 1e16, 123456789012345.0, 0.1, 1/3, -1/3, 100.0, 1e-5, 2^63, -2^63)
print(0x10, 0xA.8p0, 0x.1p4, 0xffp-4, 1E2, .5, 5., 3e0)
print(math.maxinteger, math.mininteger, math.maxinteger + 0.0, math.mininteger + 0.0)
print(1 == 1.0, math.maxinteger == math.maxinteger + 0.0, 2^53 == 2^53 + 1)
print(255 // 1, 255 / 1, 3 % 1.5, 3.5 % 1)
