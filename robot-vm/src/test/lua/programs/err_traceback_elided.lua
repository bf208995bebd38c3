-- an uncaught error 40 frames deep: Lua elides the middle of long tracebacks
local function recurse(n)
  if n == 0 then error("bottom reached") end
  local r = recurse(n - 1)
  return r
end
recurse(40)
