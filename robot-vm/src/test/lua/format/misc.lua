-- literal percent, argument counting, numbered errors and long formats
local f = string.format
print(f("100%%"), f("%%d"), f("no args"), f("%s-%s", 1, 2), f("", 1, 2))
print(pcall(f, "%s %s", 1))
print(pcall(f, "%y", 1))
print(pcall(f, "%", 1))
print(pcall(f, "%123d", 1))
print(pcall(f, "%1.123f", 1))
print(pcall(f))
print(f("%99d", 1):len(), f("%.99f", 1):len())
print(f("%-5d|%-5s|%-5.1f|", 1, "a", 1))
print(f("%s", ("x"):rep(1000)):len())
print(f("[%3d][%-3d][%03d]", -1, -1, -1))
