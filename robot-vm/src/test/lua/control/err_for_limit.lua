-- uncaught error for a numeric for with a non-numeric limit
local function repeat_n(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
print(repeat_n(10))
print(repeat_n("ten"))
