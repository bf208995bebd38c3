-- yield across pcall and xpcall, errors after resuming inside pcall
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("in pcall")
    if x == "boom" then error("exploded", 0) end
    return x
  end)
  coroutine.yield(tostring(ok) .. ":" .. tostring(v))
  local ok2, v2 = xpcall(function()
    coroutine.yield("in xpcall")
    error("second", 0)
  end, function(m) return "handled " .. m end)
  return tostring(ok2) .. ":" .. v2
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "boom"))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
local co2 = coroutine.wrap(function()
  for i = 1, 3 do
    local ok, e = pcall(coroutine.yield, i)
    io.write(tostring(ok), tostring(e), " ")
  end
  return "fin"
end)
print(co2(), co2("a"), co2("b"), co2("c"))
