-- stopped by: memory limit of 64 MiB exceeded
local big = ('z'):rep(1 << 20)
local t = {}
for i = 1, 5000 do t[i] = big end
print(table.unpack(t))
