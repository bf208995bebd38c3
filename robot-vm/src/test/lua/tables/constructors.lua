-- table constructors: positional, keyed, mixed, trailing separators, multi-value expansion
local function three() return 1, 2, 3 end
local t = {three(), three()}
print(#t, t[1], t[2], t[4])
t = {three(), (three())}
print(#t)
t = {[1] = "a", "b", [3] = "c", x = 1, ["y z"] = 2, [10] = 3; 4,}
print(t[1], t[2], t[3], t.x, t["y z"], t[10], #t >= 2)
t = {n = nil, 1, nil, 3}
print(t[1], t[2], t[3])
local keys = {}
for k in pairs({a = 1, b = 2, c = 3, d = 4}) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
t = {[1.0] = "float key", [2^53] = "big"}
print(t[1], t[2^53 | 0])
print(#{}, #{nil}, #{1, 2, 3}, #{n = 1})
local big = {}
for i = 1, 1000 do big[i] = i * i end
print(#big, big[1000], big[1001])
