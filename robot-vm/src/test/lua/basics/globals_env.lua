-- _G, _ENV and global access
x = 10
print(_G.x, _ENV.x, _G == _ENV)
_G.y = 20
print(y)
local function sandboxed()
  local _ENV = {print = print, z = 5}
  print(z, x)
  w = 1
  return _ENV
end
local env = sandboxed()
print(env.w, w)
print(rawequal(_G._G, _G), _VERSION)
local names = {"assert", "collectgarbage", "coroutine", "dofile", "error", "getmetatable", "io",
  "ipairs", "load", "loadfile", "math", "next", "os", "package", "pairs", "pcall", "print", "rawequal",
  "rawget", "rawlen", "rawset", "require", "select", "setmetatable", "string", "table", "tonumber",
  "tostring", "type", "utf8", "xpcall"}
for _, n in ipairs(names) do io.write(n, "=", type(_G[n]), " ") end
print()
