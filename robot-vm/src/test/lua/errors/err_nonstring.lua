-- an uncaught error with a number value
local function f() error(404) end
f()
