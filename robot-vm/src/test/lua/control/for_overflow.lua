-- numeric for near the integer limits never overflows
local maxi, mini = math.maxinteger, math.mininteger
local n = 0
for i = maxi - 2, maxi do n = n + 1 end
print(n)
n = 0
for i = mini, mini + 2 do n = n + 1 end
print(n)
n = 0
for i = mini + 2, mini, -1 do n = n + 1 end
print(n)
n = 0
for i = maxi - 10, maxi, 4 do n = n + 1; io.write(i - maxi, " ") end print(n)
n = 0
for i = 1, maxi, maxi // 2 do n = n + 1 end
print(n)
n = 0
for i = 0, -1 do n = n + 1 end
print(n)
n = 0
for i = maxi, maxi + 1.0 do n = n + 1 end
print(n)
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end print()
for i = -1, -math.huge, -1 do if i < -3 then break end io.write(i, " ") end print()
n = 0
for i = mini, mini, -1 do n = n + 1 end
print(n)
for i = 3, 2.5 do print("no") end
for i = 1, 1.5 do print("once", i) end
