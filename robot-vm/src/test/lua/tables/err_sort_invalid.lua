-- uncaught error from a comparator raised inside table.sort
local items = {{}, {}, {}}
local function cmp(a, b)
  return a < b
end
table.sort(items, cmp)
