-- while and repeat loops, break, and repeat's until seeing body locals
local i = 0
while true do i = i + 1; if i >= 5 then break end end
print(i)
local n = 0
repeat local sq = n * n; n = n + 1 until sq >= 16
print(n)
local out = {}
for a = 1, 3 do
  for b = 1, 3 do
    if b > a then break end
    out[#out + 1] = a .. b
  end
end
print(table.concat(out, " "))
local x = 10
while x > 0 do x = x - 3 end
print(x)
repeat local done = true until done
print("nested loops ok")
