-- error inside a coroutine propagated by coroutine.wrap to the main chunk
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  local t = nil
  return t.x
end)
print(gen())
print(gen())
