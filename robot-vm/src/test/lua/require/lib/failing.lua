-- a module that raises an error while loading
local function helper() error("module init failed") end
helper()
