-- an uncaught error 30 frames deep: the middle of the traceback is elided (first 10, last 11 levels kept)
local function recurse(n)
  if n == 0 then
    local t = nil
    return t.field
  end
  local r = recurse(n - 1)
  return r
end
recurse(30)
