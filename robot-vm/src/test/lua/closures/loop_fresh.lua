-- loop variables are fresh per iteration for numeric, generic, while and repeat loops
local fs = {}
for i = 1, 3 do fs[#fs + 1] = function() return i end end
for _, v in ipairs({"a", "b"}) do fs[#fs + 1] = function() return v end end
local j = 0
while j < 2 do
  j = j + 1
  local k = j * 10
  fs[#fs + 1] = function() k = k + 1; return k end
end
repeat
  local r = "rep"
  fs[#fs + 1] = function() return r end
until true
for _, f in ipairs(fs) do io.write(tostring(f()), " ") end print()
print(fs[6](), fs[7]())
local shared = {}
local counter = 0
for i = 1, 3 do
  shared[i] = function() counter = counter + i; return counter end
end
print(shared[1](), shared[2](), shared[3]())
