-- length operator on sequences, after removal and with __len
local t = {1, 2, 3, 4, 5}
t[#t] = nil
print(#t)
t[#t + 1] = "x"
print(#t, t[5])
local s = {}
for i = 1, 100 do s[i] = i end
for i = 100, 51, -1 do s[i] = nil end
print(#s)
local str = {}
for i = 1, 10 do str[#str + 1] = tostring(i) end
print(#str, table.concat(str))
local hashonly = {}
hashonly[1] = 1; hashonly[2] = 2; hashonly[3] = 3
print(#hashonly)
