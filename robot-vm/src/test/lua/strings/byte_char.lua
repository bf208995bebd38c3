-- string.byte and string.char round trips
print(("ABC"):byte(), ("ABC"):byte(2), ("ABC"):byte(1, 3), ("ABC"):byte(-1), ("ABC"):byte(10))
print(string.char(), string.char(72, 105), #string.char(0, 255))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) * i end
print(#s, sum)
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.byte, "abc", 1, 1e10))
print(select('#', ("abc"):byte(3, 1)))
