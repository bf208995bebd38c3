-- thousands of live coroutines interleaved round-robin
local cos = {}
for i = 1, 2000 do
  cos[i] = coroutine.create(function(step)
    local acc = i
    while true do acc = acc + step; step = coroutine.yield(acc) end
  end)
end
local sum = 0
for round = 1, 5 do
  for i = 1, #cos do
    local ok, v = coroutine.resume(cos[i], round)
    sum = sum + v
  end
end
print(sum)
