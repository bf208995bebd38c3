-- coroutine.wrap generators and errors propagated with position
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
    return "done"
  end)
end
local g = gen(3)
print(g(), g(), g(), g())
print(pcall(g))
local bad = coroutine.wrap(function() error("inside wrap") end)
print(pcall(bad))
local bad2 = coroutine.wrap(function() error({code = 5}) end)
local ok, e = pcall(bad2)
print(ok, type(e), e.code)
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local out = {}
for p in coroutine.wrap(function() permgen({1, 2, 3}) end) do out[#out + 1] = table.concat(p) end
print(table.concat(out, " "))
