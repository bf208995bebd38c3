-- calling a dead wrapped coroutine is an uncaught error
local g = coroutine.wrap(function() return 1 end)
print(g())
print(g())
