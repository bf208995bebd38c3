-- stopped by: stack overflow
local t = setmetatable({}, {})
getmetatable(t).__tostring = function(v) return 'wrapped ' .. tostring(v) end
print(t)
