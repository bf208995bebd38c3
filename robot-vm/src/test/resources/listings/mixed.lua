local a, b = 1, 2.5
local t = {1, 2, x = "s", [a] = b}
print(t.x, a + b, a - 1, -a, "long string here \n\t\"q\" \1")
for i = 1, 10 do t[i] = function() return i end end
for k, v in pairs(t) do print(k, v) end
local function f(...) local c <close> = nil; return select('#', ...) end
goto l
::l::
return f(1, 2)
