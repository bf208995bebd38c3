-- a function may use 255 upvalues; 256 is a compile error
local function source(n)
  local parts = {"local function outer()"}
  for i = 1, n do parts[#parts + 1] = "local u" .. i .. " = " .. i end
  local uses = {}
  for i = 1, n do uses[i] = "u" .. i end
  parts[#parts + 1] = "return function() return " .. table.concat(uses, " + ") .. " end"
  parts[#parts + 1] = "end return outer()"
  return table.concat(parts, "\n")
end
print(load(source(150))()())
local two = "local a1" .. (", a"):rep(0)
local parts = {}
for i = 1, 130 do parts[#parts + 1] = "local a" .. i .. " = " .. i end
local p2 = {}
for i = 1, 130 do p2[#p2 + 1] = "local b" .. i .. " = " .. i * 2 end
local uses = {}
for i = 1, 130 do uses[#uses + 1] = "a" .. i; uses[#uses + 1] = "b" .. i end
local src = "local function o1()\n" .. table.concat(parts, "\n") .. "\nlocal function o2()\n" .. table.concat(p2, "\n") ..
  "\nreturn function() return " .. table.concat(uses, "+") .. " end end return o2() end return o1()"
print(load(src))
