-- building text with table buffers, string.rep, formatting and line wrapping
local words = {}
for i = 1, 60 do words[i] = ("w" .. i):rep(i % 3 + 1) end
local lines, cur = {}, {}
local width = 0
for _, w in ipairs(words) do
  if width + #w + 1 > 40 then lines[#lines + 1] = table.concat(cur, " "); cur, width = {}, 0 end
  cur[#cur + 1] = w
  width = width + #w + 1
end
lines[#lines + 1] = table.concat(cur, " ")
for i, l in ipairs(lines) do print(string.format("%2d|%-40s|%3d", i, l, #l)) end
local csv = {}
for r = 1, 3 do
  local row = {}
  for c = 1, 4 do row[c] = string.format("%q", r * c * 1.5) end
  csv[r] = table.concat(row, ";")
end
print(table.concat(csv, "\n"))
