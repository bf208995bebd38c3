-- summing numbers read from stdin, one per line
local sum, count = 0, 0
for line in io.lines() do
  local v = tonumber(line)
  if v then sum = sum + v; count = count + 1 end
end
print(count, sum)
