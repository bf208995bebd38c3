-- next/pairs/ipairs: array part in order, hash part via sorted keys
local t = {10, 20, 30, x = 1, y = 2}
local order = {}
for i, v in ipairs(t) do order[#order + 1] = i .. "=" .. v end
print(table.concat(order, " "))
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n, next({}), type(next(t)))
local arr = {"a", "b", "c"}
local k, v = next(arr)
print(k, v)
k, v = next(arr, k)
print(k, v)
print(next(arr, 3))
print(pcall(next, arr, "nokey"))
local holes = {1, 2, nil, 4}
for i, v in ipairs(holes) do io.write(i, ":", v, " ") end print()
local p = {}
for i = 1, 5 do p[i] = i end
for k in pairs(p) do io.write(k, " ") end print()
local cleared = {a = 1, b = 2, c = 3}
for k in pairs(cleared) do cleared[k] = nil end
print(next(cleared))
print(pcall(ipairs))
print(select("#", pairs(nil)), select(2, pairs(nil)))
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for k in pairs(42) do end end))
