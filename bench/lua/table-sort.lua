-- Table insertion and table.sort with and without a comparator, on integers, floats and strings.
local n = tonumber(arg and arg[1]) or 200000

local seed = 42
local function rand(m)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % m
end

local ints, floats, strs, recs = {}, {}, {}, {}
for i = 1, n do
  table.insert(ints, rand(1000000))
  floats[#floats + 1] = rand(1000000) / 7
  if i % 4 == 0 then strs[#strs + 1] = ("k%06d"):format(rand(1000000)) end
  if i % 2 == 0 then table.insert(recs, math.max(1, #recs - i % 5), {key = rand(1000), id = i}) end
end

table.sort(ints)
table.sort(floats, function(a, b) return a > b end)
table.sort(strs)
table.sort(recs, function(a, b)
  if a.key ~= b.key then return a.key < b.key end
  return a.id < b.id
end)

local checksum = 0
for i = 1, #ints, 97 do checksum = (checksum + ints[i] * i) % 1000000007 end
for i = 1, #floats, 89 do checksum = (checksum + math.floor(floats[i]) * i) % 1000000007 end
for i = 1, #recs, 83 do checksum = (checksum + recs[i].id * recs[i].key) % 1000000007 end
print("checksum", checksum, strs[1], strs[#strs], #recs)
