-- the main chunk is vararg, arguments come from the command line
local n = select("#", ...)
print("main varargs:", n)
local function outer(...)
  local function inner(...) return select("#", ...), ... end
  return inner(..., "extra")
end
print(outer(1, 2))
print(outer())
print((...))
