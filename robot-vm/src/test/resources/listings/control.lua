local t = {}
for i = 10, 1, -1 do t[#t+1] = i end
for i = 1.0, 3 do print(i) end
for k, v in ipairs(t) do if k > 3 then break end print(k, v) end
local i = 0
while i < 10 do i = i + 1; if i % 2 == 0 then goto continue end; print(i) ::continue:: end
repeat local z = i; i = i - 1 until z < 3
repeat local z = i; local f = function() return z end; i = i - 1 until z < 0
if i then print(1) elseif i == 2 then print(2) else print(3) end
if not i then print(1) end
if i and t or nil then print(4) end
local a = i and 1 or 2
local b = (i == 1) and "x" or "y"
local c = not (i < 1)
local d = i > 1 and i < 5
local e = i or t
local f = nil and 1
local g = (i ~= nil) == true
print(a, b, c, d, e, f, g)
while true do if i then break end end
do local q <close> = nil; local r <const> = 10; print(q, r) end
for _ = 1, 3 do local x; x = function() return x end; if x then goto out end end
::out::
