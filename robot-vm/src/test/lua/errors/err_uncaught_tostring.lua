-- an uncaught error object with __tostring is converted by the CLI
local E = setmetatable({}, {__tostring = function() return "MyError: something broke" end})
local function deep(n)
  if n == 0 then error(E) end
  return deep(n - 1) + 1
end
deep(3)
