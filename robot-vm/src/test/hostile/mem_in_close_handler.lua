-- stopped by: memory limit of 64 MiB exceeded
local ok = pcall(function()
  local guard <close> = setmetatable({}, {__close = function()
    local s = 'x' while true do s = s .. s end
  end})
  error('first')
end)
print('survived', ok)
