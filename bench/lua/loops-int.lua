-- Integer arithmetic in nested numeric for loops: add, mul, //, %, bitwise ops.
local n = tonumber(arg and arg[1]) or 12000

local acc = 0
for i = 1, n do
  for j = 1, 2000 do
    local x = i * j + (i ~ j)
    acc = (acc + x % 1009 + (x // 7) - (j << 2)) & 0xFFFFFFFF
  end
end
print("checksum", acc)
