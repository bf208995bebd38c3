-- mixed integer/float comparisons are exact
local mi, ma = math.mininteger, math.maxinteger
print(ma < 2^63, ma + 0.0 == 2^63, ma == 2^63, mi == -2^63, mi < -2^63)
print(1 < 1.5, 2 > 1.5, 2^53 + 1 > 2^53, (2^53 | 0) + 1 > 2^53)
print(0/0 == 0/0, 0/0 < 1, 0/0 > 1, 1 < math.huge, mi > -math.huge)
print(-0.0 == 0.0, 0 == -0.0, 1/-0.0 < 0)
local nan = 0/0
local t = {}
print(pcall(function() t[nan] = 1 end))
t[1.0] = "one"; t[2^53] = "big"
print(t[1], math.type(next(t)), t[2^53 | 0])
print(math.ult(1, -1), math.ult(-1, 1), math.ult(2, 3))
