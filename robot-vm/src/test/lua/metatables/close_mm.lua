-- __close receives the error object; errors inside __close replace the original
local function res(name, fail)
  return setmetatable({}, {__close = function(_, e)
    print("closing", name, e)
    if fail then error(name .. " close failed", 0) end
  end})
end
print(pcall(function()
  local a <close> = res("a")
  local b <close> = res("b", true)
  return "normal"
end))
print(pcall(function()
  local a <close> = res("a", true)
  local b <close> = res("b")
  error("original", 0)
end))
local function gen()
  local r <close> = res("in-coroutine")
  coroutine.yield(1)
  return 2
end
local co = coroutine.wrap(gen)
print(co())
print(co())
local co2 = coroutine.create(gen)
coroutine.resume(co2)
print(coroutine.close(co2), coroutine.status(co2))
local f, s, c = ipairs({"only"})
for i, v in f, s, c, res("for-closing") do print("loop", i, v) end
for i, v in f, s, c, res("for-break") do print("loop", i, v); break end
print(pcall(function() for i in f, s, c, res("for-error") do error("in loop", 0) end end))
