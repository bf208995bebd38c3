-- a module for require tests: counts how many times its body runs
local name, path = ...
loads = (loads or 0) + 1
local M = {name = name, path = path}
function M.double(x) return x * 2 end
return M
