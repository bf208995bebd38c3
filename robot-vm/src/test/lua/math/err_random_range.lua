-- uncaught error from math.random with an empty interval
math.randomseed(1)
local function roll(lo, hi) return math.random(lo, hi) end
print(roll(1, 1))
print(roll(6, 1))
