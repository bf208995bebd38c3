-- stopped by: memory limit of 64 MiB exceeded
local chunk = ('x'):rep(1 << 20)
local t = {}
for i = 1, 4096 do t[i] = chunk end
print(#table.concat(t))
