-- uncaught comparison error between a number and a table
local function max(a, b)
  if a > b then return a end
  return b
end
print(max(1, 2))
print(max(1, {}))
