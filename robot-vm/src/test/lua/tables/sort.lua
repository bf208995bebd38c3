-- table.sort with default order, comparators, stability-agnostic checks and errors
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"pear", "Apple", "fig", "banana", "kiwi"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))
local recs = {}
for i = 1, 50 do recs[i] = {id = i, key = (i * 37) % 11} end
table.sort(recs, function(a, b) if a.key ~= b.key then return a.key < b.key end return a.id < b.id end)
local out = {}
for i = 1, 10 do out[i] = recs[i].id .. ":" .. recs[i].key end
print(table.concat(out, " "))
local big = {}
local x = 12345
for i = 1, 2000 do x = (x * 1103515245 + 12345) % 2147483648; big[i] = x % 1000 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[1000], big[2000])
local mixed = {3, 1.5, 2, -1, 2.5}
table.sort(mixed)
print(table.concat(mixed, " "))
print(pcall(table.sort, {{}, {}, {}}))
print(pcall(table.sort, {1, 2, 3}, 42))
local single = {1}
table.sort(single)
table.sort({})
print(#single)
