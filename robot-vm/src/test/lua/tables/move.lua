-- table.move: overlapping moves in both directions and to another table
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
print(table.concat(t, ","))
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1)
print(table.concat(t, ","))
local dst = table.move({1, 2, 3}, 1, 3, 2, {"x"})
print(table.concat(dst, ","))
print(table.move({1, 2}, 1, 0, 5)[5])
local r = table.move({}, 1, 0, 1, {"keep"})
print(r[1])
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {1}, 1, 1))
