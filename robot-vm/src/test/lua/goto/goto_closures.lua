-- a backward goto creates a fresh local each time around, closures see distinct ones
local fs = {}
do
  local k = 1
  ::again::
  local v = k * 10
  fs[#fs + 1] = function() return v end
  k = k + 1
  if k <= 3 then goto again end
end
print(fs[1](), fs[2](), fs[3]())
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, j, " ")
  end
  ::next_i::
end
print()
