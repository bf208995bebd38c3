-- block scoping, shadowing and do-blocks
local x = 1
do
  local x = x + 1
  print(x)
  do local x = x * 10; print(x) end
  print(x)
end
print(x)
local function f(x) local x = x or "default"; return x end
print(f(), f(false), f(0))
local a, a = 1, 2
print(a)
for i = 1, 2 do local i = i * 100; io.write(i, " ") end print()
