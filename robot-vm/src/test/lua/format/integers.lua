-- %d %i %u %c %o %x %X with flags, widths and precisions
local f = string.format
print(f("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%5.3d", 42, 42, 42, 42, 42, 42, 42, 42))
print(f("%d|%d|%d", math.maxinteger, math.mininteger, -0))
print(f("%i|%x|%X|%o|%#x|%#o|%08X", 255, 255, 255, 255, 255, 255, 3054))
print(f("%x|%X", -1, math.mininteger))
print(f("%c%c%c|%5c|%-3c|", 76, 117, 97, 65, 66))
print(f("%d", "10"), f("%x", 3.0), f("%5.1s|", "abc"))
print(pcall(f, "%d", "x"))
print(pcall(f, "%d", 1.5))
print(pcall(f, "%d"))
