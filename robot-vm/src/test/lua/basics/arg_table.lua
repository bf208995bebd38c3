-- the arg table and the main chunk's varargs
print(type(arg), #arg, arg[0])
print(select('#', ...))
