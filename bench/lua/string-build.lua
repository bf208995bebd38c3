-- String building: concatenation, table.concat buffers, string.format, gsub and rep.
local n = tonumber(arg and arg[1]) or 150000

local parts = {}
for i = 1, n do
  parts[#parts + 1] = ("%d:%s:%.2f"):format(i, ("x"):rep(i % 5), i / 3)
end
local doc = table.concat(parts, ";")

local small = ""
for i = 1, n // 50 do small = small .. (i % 10) end

local replaced, count = doc:gsub("(%d+):(x*)", function(num, xs) return #xs .. "-" .. num end)
local upper = replaced:sub(1, 200000):upper()
local words = 0
for _ in doc:gmatch("[^;]+") do words = words + 1 end

local hash = 0
for i = 1, #replaced, 101 do hash = (hash * 31 + replaced:byte(i)) % 1000000007 end
print("checksum", #doc, #small, count, words, #upper, hash)
