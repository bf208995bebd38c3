-- only types of non-deterministic values are printed
print(type(os.time()), math.type(os.time()), type(os.clock()), math.type(os.clock()))
print(type(os.date()), os.clock() >= 0, os.time() > 1600000000)
print(os.getenv("SURELY_NOT_SET_VARIABLE_12345"))
print(os.difftime(10, 5), os.difftime(5, 10), math.type(os.difftime(1, 1)))
print(pcall(os.difftime))
print(pcall(os.difftime, 5))
