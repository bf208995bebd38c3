-- table.pack keeps n with nil holes; unpack with explicit n restores them
local function roundtrip(...)
  local p = table.pack(...)
  return table.unpack(p, 1, p.n)
end
print(roundtrip(nil, 2, nil))
print(select("#", roundtrip(nil, 2, nil)))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, nil, 3, nil, 5))
local function varmax(...)
  local n = select("#", ...)
  if n == 0 then return nil end
  local m = ...
  for i = 2, n do local v = select(i, ...); if v > m then m = v end end
  return m
end
print(varmax(3, 9, 2), varmax())
local many = {}
for i = 1, 250 do many[i] = i end
print(select("#", table.unpack(many)), (select(250, table.unpack(many))))
print(sum(table.unpack(many)))
