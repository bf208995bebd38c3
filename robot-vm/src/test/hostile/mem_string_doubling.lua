-- stopped by: memory limit of 64 MiB exceeded
collectgarbage('stop')
local s = 'x'
while true do s = s .. s end
