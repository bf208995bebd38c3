-- many arguments, results and table fields
local function count(...) return select("#", ...) end
local t = {}
for i = 1, 10000 do t[i] = i end
print(count(table.unpack(t)))
print(select(10000, table.unpack(t)))
local packed = table.pack(table.unpack(t, 1, 5000))
print(packed.n, packed[5000])
print(pcall(table.unpack, t, 1, 1e8))
local src = "return " .. ("1, "):rep(240) .. "1"
print(count(load(src)()))
print(math.max(table.unpack(t)), math.min(table.unpack(t)))
print(#string.char(table.unpack(t, 1, 255)))
