-- a discrete event simulation with a binary heap priority queue
local Heap = {}
Heap.__index = Heap
function Heap.new() return setmetatable({n = 0}, Heap) end
function Heap:push(t, v)
  self.n = self.n + 1
  local i = self.n
  self[i] = {t = t, v = v}
  while i > 1 do
    local p = i // 2
    if self[p].t <= self[i].t then break end
    self[p], self[i] = self[i], self[p]
    i = p
  end
end
function Heap:pop()
  local top = self[1]
  self[1] = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  local i = 1
  while true do
    local l, r, s = 2 * i, 2 * i + 1, i
    if l <= self.n and self[l].t < self[s].t then s = l end
    if r <= self.n and self[r].t < self[s].t then s = r end
    if s == i then break end
    self[s], self[i] = self[i], self[s]
    i = s
  end
  return top.t, top.v
end
local h = Heap.new()
local seed = 1
local function rnd(n) seed = (seed * 16807) % 2147483647; return seed % n end
for i = 1, 200 do h:push(rnd(1000) + i / 1000, "job" .. i) end
local last, order = -1, {}
local okorder = true
while h.n > 0 do
  local t, v = h:pop()
  if t < last then okorder = false end
  last = t
  if #order < 5 then order[#order + 1] = v .. "@" .. t end
end
print(okorder, table.concat(order, " "))
