-- Binary trees: allocation of many short-lived small tables and recursive traversal.
local max_depth = tonumber(arg and arg[1]) or 15
local min_depth = 4
if min_depth + 2 > max_depth then max_depth = min_depth + 2 end

local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {make(depth), make(depth)}
end

local function check(tree)
  local left = tree[1]
  if left == nil then return 1 end
  return 1 + check(left) + check(tree[2])
end

local total = 0
local stretch = check(make(max_depth + 1))
print(("stretch tree of depth %d\t check: %d"):format(max_depth + 1, stretch))
total = total + stretch
local long_lived = make(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = 1 << (max_depth - depth + min_depth)
  local sum = 0
  for _ = 1, iterations do sum = sum + check(make(depth)) end
  total = total + sum
end
local long_check = check(long_lived)
print(("long lived tree of depth %d\t check: %d\t total: %d"):format(max_depth, long_check, total + long_check))
