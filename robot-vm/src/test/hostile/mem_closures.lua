-- stopped by: memory limit of 64 MiB exceeded
local fns = {}
while true do
  local captured = {#fns}
  fns[#fns + 1] = function() return captured end
end
