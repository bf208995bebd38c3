-- uncaught error from select with a bad index inside a vararg function
local function nth(n, ...)
  return select(n, ...)
end
print(nth(2, "a", "b"))
print(nth(-5, "a", "b"))
