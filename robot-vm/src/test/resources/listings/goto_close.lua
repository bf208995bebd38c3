-- gotos that leave scopes with captured variables, to-be-closed variables and constants
local N <const> = 3
local LIMIT <const> = N * 2 + 1
local fns = {}
for i = 1, LIMIT do
  local j = i
  if j % N == 0 then goto skip end
  fns[#fns + 1] = function() return j end
  ::skip::
end
do
  local k = 0
  ::top::
  local captured = k
  fns[#fns + 1] = function() return captured end
  k = k + 1
  if k < N then goto top end
end
local function with_close(x)
  local h <close> = setmetatable({}, {__close = function() print("closed", x) end})
  if x then return x .. "!" end
  return nil
end
while true do
  local v = with_close("a")
  if v then break end
end
return fns, with_close
