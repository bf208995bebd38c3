-- stopped by: stack overflow
local function dive(n) return 1 + dive(n + 1) end
dive(1)
