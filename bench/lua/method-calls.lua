-- Method calls on objects whose classes use metatables and __index inheritance.
local n = tonumber(arg and arg[1]) or 3000000

local Counter = {}
Counter.__index = Counter

function Counter.new(step)
  return setmetatable({value = 0, step = step}, Counter)
end

function Counter:increment()
  self.value = self.value + self.step
  return self
end

function Counter:get() return self.value end

local Bounded = setmetatable({}, {__index = Counter})
Bounded.__index = Bounded

function Bounded.new(step, limit)
  local b = Counter.new(step)
  b.limit = limit
  return setmetatable(b, Bounded)
end

function Bounded:increment()
  Counter.increment(self)
  if self.value > self.limit then self.value = self.value - self.limit end
  return self
end

local Toggle = setmetatable({}, {__index = Bounded})
Toggle.__index = Toggle
function Toggle.new() return setmetatable(Bounded.new(1, 1), Toggle) end
function Toggle:flip() return self:increment():get() end

local c, b, t = Counter.new(3), Bounded.new(7, 1000), Toggle.new()
local sum = 0
for _ = 1, n do
  c:increment()
  sum = sum + b:increment():get() + t:flip()
end
print("checksum", c:get(), b:get(), sum)
