-- producer/consumer pipeline with a filter stage
local function producer(items)
  return coroutine.create(function()
    for _, it in ipairs(items) do coroutine.yield(it) end
  end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function consume(src)
  local got = {}
  while true do
    local ok, v = coroutine.resume(src)
    if not v then break end
    got[#got + 1] = v
  end
  return table.concat(got, " ")
end
local nums = {}
for i = 1, 20 do nums[i] = i end
print(consume(filter(producer(nums), function(n) return n % 3 == 0 end)))
local depth = 0
local function nest(n)
  if n == 0 then return coroutine.yield("bottom") end
  local co = coroutine.wrap(nest)
  local v = co(n - 1)
  depth = depth + 1
  return v
end
print(coroutine.wrap(nest)(50), depth)
