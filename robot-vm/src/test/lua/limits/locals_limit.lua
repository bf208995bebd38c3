-- 200 locals are allowed, 201 are a compile error
local function locals(n)
  local parts = {}
  for i = 1, n do parts[i] = "local v" .. i .. " = " .. i end
  return table.concat(parts, "\n")
end
local f = load(locals(200) .. "\nreturn v1 + v200")
print(f and f())
print(load(locals(201)))
print(load("local function g()\n" .. locals(201) .. "\nend"))
print(load("local " .. ("a, "):rep(200) .. "b = 1"))
