-- uncaught integer division by zero inside nested functions
local function inner(a, b)
  return a // b
end
local function outer(n)
  return inner(n, n - n) + 1
end
print("before")
print(outer(5))
