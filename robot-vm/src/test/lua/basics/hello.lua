-- print with several arguments, tabs between them, nil and booleans
print("hello, world")
print(1, 2.5, "three", nil, true, false)
print()
print("a" .. "b" .. 1 .. 2)
io.write("no newline", " ", 42, "\n")
