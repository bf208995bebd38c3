-- io.write formats floats with %.14g (no ".0"), unlike print and tostring
io.write(1, " ", 1.0, " ", -0.0, " ", 2^53, " ", 0.1, " ", 1e100, " ", math.huge, " ", math.mininteger, "\n")
print(1.0, 2^53)
io.write("a", "b", 3, "\n")
local f = io.write("chained ")
print(f == io.stdout, io.type(f))
io.write():write("x", "\n")
