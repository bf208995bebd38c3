-- C pow semantics: 1^y and (-1)^inf are 1 whatever y is, at run time and when folded
local one, nan, inf = 1, 0/0, math.huge
print(one ^ nan, (-one) ^ inf, (-one) ^ -inf, 1 ^ (0/0), 2 ^ 10, "1" ^ nan)
print(math.pow and math.pow(1, nan))
