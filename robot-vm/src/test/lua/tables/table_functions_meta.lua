-- table library functions respect __index/__newindex/__len metamethods
local log = {}
local backing = {10, 20, 30}
local proxy = setmetatable({}, {
  __index = function(_, k) return backing[k] end,
  __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v); backing[k] = v end,
  __len = function() return #backing end,
})
print(#proxy, table.concat(proxy, ","), table.unpack(proxy))
table.insert(proxy, 40)
table.insert(proxy, 1, 5)
print(table.concat(backing, ","), table.concat(log, " "))
log = {}
print(table.remove(proxy, 1), table.concat(backing, ","), table.concat(log, " "))
table.sort(proxy, function(a, b) return a > b end)
print(table.concat(backing, ","))
local moved = table.move(proxy, 1, 2, 1, {})
print(moved[1], moved[2])
