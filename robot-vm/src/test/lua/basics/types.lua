-- type() of every basic value kind
print(type(nil), type(true), type(1), type(1.5), type("s"), type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)))
print(type(type))
print(pcall(type))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
