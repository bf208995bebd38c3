-- stopped by: memory limit of 64 MiB exceeded
collectgarbage('stop')
local t = {}
for i = 1, math.maxinteger do t[i] = i * 1.5 end
