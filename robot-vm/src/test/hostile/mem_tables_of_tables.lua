-- stopped by: memory limit of 64 MiB exceeded
collectgarbage('stop')
local all = {}
while true do all[#all + 1] = {x = 1, y = 2, {}, {}} end
