-- %f %e %E %g %G with flags and precisions, plus special values
local f = string.format
print(f("%f|%.2f|%10.3f|%-10.1f|%+.0f|%#.0f|%010.2f", math.pi, math.pi, math.pi, math.pi, 2.5, 2.0, -3.14159))
print(f("%e|%.3e|%E|%12.4e", 12345.678, 0.00012, 1e100, -5.5))
print(f("%g|%g|%g|%g|%g|%g|%#g", 100000, 1000000, 1e-4, 1e-5, 0.1, 123456789, 1.5))
print(f("%G|%.3g|%.10g|%g", 1e-20, math.pi, 1/3, 2^63))
print(f("%f|%f|%.1f|%e", 1e300 * 1e10, -1e300 * 1e10, 0.05, 0))
print(f("%.0f|%.0f|%.0f|%.0f", 0.5, 1.5, 2.5, -0.5))
print(f("%5.2f%%", 99.555), f("%.20f", 0.1), f("%.15g", 0.1), f("%.3f", 2^60))
print(f("%g", 5), f("%f", 3), f("%.1f", "2.25"))
