-- floats print with %.14g and always look like floats
local vals = {1.0, -1.0, 0.1, 1/3, 2/3, 1e14, 1e15, 1e100, 1e-100, 123.456, 2^24, 2^53, 2^63, 1e308 * 10,
  -1e308 * 10, 3.14159265358979, 100000000000000, 1e300 * 1e10, 5e-324, 12345678901234567890}
for i, v in ipairs(vals) do print(i, v, tostring(v), v .. "") end
print(0/0 ~= 0/0, tostring(-(0/0)) == "nan" or tostring(-(0/0)) == "-nan")
print(string.format("%.14g", 0.1), string.format("%.17g", 0.1), string.format("%g", 1e20))
print(7.0, -7.0, 1e15 + 0.5, 2^-1074)
