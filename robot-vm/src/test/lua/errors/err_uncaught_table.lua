-- an uncaught error with a table value prints a generic message
local function fail()
  error({code = 1})
end
fail()
