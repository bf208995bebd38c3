-- table.insert and table.remove at every position, including errors
local t = {}
table.insert(t, "a"); table.insert(t, 1, "b"); table.insert(t, 2, "c"); table.insert(t, #t + 1, "d")
print(table.concat(t, ","), #t)
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, #t + 1), table.concat(t, ","))
print(table.remove({}), table.remove({}, 0), #t)
print(pcall(table.insert, t, 5, "x"))
print(pcall(table.insert, t, 0, "x"))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, t))
print(pcall(table.remove, t, 5))
local e = {n = 0}
print(table.remove(e, 0), table.remove(e, #e))
local q = {1, 2, 3}
print(table.remove(q, 3), table.remove(q, 2), table.remove(q, 1), #q, table.remove(q))
