-- yield from inside metamethods, iterators and table.sort comparators is allowed where 5.4 allows it
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __len = function(a) return coroutine.yield("len") end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
}
local obj = setmetatable({}, mt)
local other = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = obj.key
  r[#r + 1] = obj + 1
  r[#r + 1] = tostring(obj < other)
  r[#r + 1] = obj .. "s"
  r[#r + 1] = tostring(obj == other)
  r[#r + 1] = #obj
  obj.field = 1
  r[#r + 1] = obj("arg")
  return table.concat(r, ",")
end)
local v = co()
while true do
  io.write(v, " | ")
  local nxt = co(v == "lt" and true or v == "eq" and false or "<" .. v .. ">")
  if nxt:find(",") then print() print(nxt) break end
  v = nxt
end
local iter = coroutine.wrap(function()
  for k in function(_, prev) prev = (prev or 0) + 1; if prev <= 2 then coroutine.yield("iter " .. prev) return prev end end do end
  return "iter done"
end)
print(iter(), iter(), iter())
local sorter = coroutine.create(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
print(coroutine.resume(sorter))
local tostr = coroutine.create(function() return tostring(setmetatable({}, {__tostring = function() coroutine.yield() return "x" end})) end)
print(coroutine.resume(tostr))
