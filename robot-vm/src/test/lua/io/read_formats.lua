-- io.read with "n", "l", "L", counts and "a"
local a, b = io.read("n", "n")
print(a, b, math.type(a), math.type(b))
print(io.read("n"))
print(string.format("%q", io.read("L")))
print(io.read("l"))
print(io.read(5), io.read(0))
print(string.format("%q", io.read("a")))
print(io.read("a") == "", io.read(0), io.read("l"), io.read("n"))
