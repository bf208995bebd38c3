-- uncaught error from io.read with an invalid format
print(io.read("l"))
print(io.read("x"))
