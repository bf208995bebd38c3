-- <const> locals and <close> variables closing in reverse order, also on error
local N <const> = 10
local S <const> = "str"
print(N * 2, S .. "!")
local function closer(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil
  local d <close> = false
  print("in block")
end
print(pcall(function()
  local x <close> = closer("x")
  error("boom", 0)
end))
local function f()
  local y <close> = closer("y")
  return "ret1", "ret2"
end
print(f())
for i = 1, 2 do
  local z <close> = closer("z" .. i)
  if i == 2 then break end
end
print(pcall(function() local bad <close> = {} end))
print(pcall(function() local bad <close> = 42 end))
