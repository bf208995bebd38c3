-- multiple assignment, evaluation order of swaps, extra/missing values
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local x, y = (function() return 1, 2, 3 end)()
print(x, y)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local p, q, r = 1, (function() return 2, 3 end)()
print(p, q, r)
local u, v = (function() return 7, 8 end)(), 9
print(u, v)
do local a = 100; print(a) end
print(a)
