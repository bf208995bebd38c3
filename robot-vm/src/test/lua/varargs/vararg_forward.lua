-- forwarding varargs through pcall, coroutines, and string.format
local function fwd(...) return pcall(function(...) return ... end, ...) end
print(fwd(1, nil, 3))
local co = coroutine.wrap(function(...)
  local got = table.pack(...)
  local more = table.pack(coroutine.yield(got.n))
  return more.n, more[2]
end)
print(co(nil, nil))
print(co(1, "two", nil))
local function fmt(...) return string.format(("%s "):rep(select("#", ...)), ...) end
print(fmt(1, 2.5, "x", true, nil))
print(pcall(select, "#"))
print(select(2, pcall(error)))
