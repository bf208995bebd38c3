-- math.random after a fixed seed follows the xoshiro256** sequence of Lua 5.4
math.randomseed(42)
local ints = {}
for i = 1, 10 do ints[i] = math.random(1, 100) end
print(table.concat(ints, " "))
local floats = {}
for i = 1, 5 do floats[i] = string.format("%.17g", math.random()) end
print(table.concat(floats, " "))
local mixed = {}
for i = 1, 5 do mixed[i] = math.random(10) end
print(table.concat(mixed, " "))
print(math.random(0), math.random(math.mininteger, math.maxinteger), math.random(-10, -5), math.random(3, 3))
math.randomseed(42)
print(math.random(1, 100) == ints[1])
math.randomseed(7, 13)
print(math.random(1000000), math.random(1000000), math.random(1 << 40))
math.randomseed(0)
print(math.random(1, 6), math.random(1, 6), math.random(1, 6))
math.randomseed(-1)
print(math.random(100), math.random(math.maxinteger))
print(pcall(math.random, 1.5))
print(pcall(math.random, 0, -1))
