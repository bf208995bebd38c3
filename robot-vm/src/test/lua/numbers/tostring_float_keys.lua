-- float keys with integral value are normalized to integers
local t = {}
t[1.0] = "a"; t[2] = "b"; t[3.5] = "c"
print(#t, t[1], t[2.0], t[3.5])
for k, v in ipairs(t) do print(k, math.type(k), v) end
t[-0.0] = "zero"
print(t[0], t[-0])
local k = next({[4.0] = true})
print(k, math.type(k))
