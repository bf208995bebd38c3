-- io.stdout:write and io.output
io.stdout:write("via stdout ", 1, " ", 2.5, "\n")
io.output():write("via output\n")
print(io.type(io.stdout), io.type(42), io.type(io.stdin))
print(io.stdout:write("") == io.stdout)
io.stdout:flush()
io.flush()
print("done")
