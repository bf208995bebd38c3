-- %a and %A hexadecimal floats
local f = string.format
print(f("%a|%a|%a|%a|%a", 1, 0.5, -2, 1e-3, 255.5))
print(f("%A|%.2a|%.0a|%a", 1.25, 1/3, 1.5, 0))
print(f("%a|%a", 1/0, -1/0))
print(tonumber(f("%a", 0.1)) == 0.1, tonumber(f("%a", math.pi)) == math.pi)
