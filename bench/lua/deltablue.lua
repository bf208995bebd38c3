-- DeltaBlue: an incremental one-way constraint solver (chain and projection tests).
-- arg[1] is how many times both tests are run, each on 100 variables.
local runs = tonumber(arg and arg[1]) or 400
local SIZE = 100

-- Strengths: a lower number is stronger.
local REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = 0, 1, 2, 3, 4, 5, 6

local function stronger(a, b) return a < b end
local function weaker(a, b) return a > b end
local function weakest_of(a, b) if weaker(a, b) then return a end return b end

local NONE, FORWARD, BACKWARD = 0, 1, 2

local planner

-- A queue that only grows during one propagation: removal moves a head index.
local function queue_of(first) return {first, head = 1, tail = first and 1 or 0} end
local function push(q, v) q.tail = q.tail + 1; q[q.tail] = v end
local function pop(q) local v = q[q.head]; q[q.head] = nil; q.head = q.head + 1; return v end
local function is_empty(q) return q.head > q.tail end

local Variable = {}
Variable.__index = Variable

function Variable.new(name, value)
  return setmetatable({name = name, value = value or 0, constraints = {}, determinedBy = nil,
    mark = 0, walkStrength = WEAKEST, stay = true}, Variable)
end

function Variable:addConstraint(c) self.constraints[#self.constraints + 1] = c end

function Variable:removeConstraint(c)
  local list = self.constraints
  for i = #list, 1, -1 do if list[i] == c then table.remove(list, i) end end
  if self.determinedBy == c then self.determinedBy = nil end
end

local Constraint = {}
Constraint.__index = Constraint

function Constraint:addConstraint()
  self:addToGraph()
  planner:incrementalAdd(self)
end

-- Satisfies this constraint if possible and returns the constraint it overrode, if any.
function Constraint:satisfy(mark)
  self:chooseMethod(mark)
  if not self:isSatisfied() then
    if self.strength == REQUIRED then error("could not satisfy a required constraint") end
    return nil
  end
  self:markInputs(mark)
  local out = self:output()
  local overridden = out.determinedBy
  if overridden ~= nil then overridden:markUnsatisfied() end
  out.determinedBy = self
  if not planner:addPropagate(self, mark) then error("cycle encountered") end
  out.mark = mark
  return overridden
end

function Constraint:destroyConstraint()
  if self:isSatisfied() then planner:incrementalRemove(self) else self:removeFromGraph() end
end

function Constraint:isInput() return false end

local UnaryConstraint = setmetatable({}, {__index = Constraint})
UnaryConstraint.__index = UnaryConstraint

function UnaryConstraint.init(self, v, strength)
  self.myOutput, self.strength, self.satisfied = v, strength, false
  self:addConstraint()
  return self
end

function UnaryConstraint:addToGraph() self.myOutput:addConstraint(self); self.satisfied = false end
function UnaryConstraint:chooseMethod(mark)
  self.satisfied = self.myOutput.mark ~= mark and stronger(self.strength, self.myOutput.walkStrength)
end
function UnaryConstraint:isSatisfied() return self.satisfied end
function UnaryConstraint:markInputs() end
function UnaryConstraint:output() return self.myOutput end
function UnaryConstraint:recalculate()
  local out = self.myOutput
  out.walkStrength = self.strength
  out.stay = not self:isInput()
  if out.stay then self:execute() end
end
function UnaryConstraint:markUnsatisfied() self.satisfied = false end
function UnaryConstraint:inputsKnown() return true end
function UnaryConstraint:removeFromGraph() self.myOutput:removeConstraint(self); self.satisfied = false end

local StayConstraint = setmetatable({}, {__index = UnaryConstraint})
StayConstraint.__index = StayConstraint
function StayConstraint.new(v, strength) return UnaryConstraint.init(setmetatable({}, StayConstraint), v, strength) end
function StayConstraint:execute() end

local EditConstraint = setmetatable({}, {__index = UnaryConstraint})
EditConstraint.__index = EditConstraint
function EditConstraint.new(v, strength) return UnaryConstraint.init(setmetatable({}, EditConstraint), v, strength) end
function EditConstraint:isInput() return true end
function EditConstraint:execute() end

local BinaryConstraint = setmetatable({}, {__index = Constraint})
BinaryConstraint.__index = BinaryConstraint

function BinaryConstraint.init(self, v1, v2, strength)
  self.v1, self.v2, self.strength, self.direction = v1, v2, strength, NONE
  self:addConstraint()
  return self
end

function BinaryConstraint:chooseMethod(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    self.direction = (v2.mark ~= mark and stronger(self.strength, v2.walkStrength)) and FORWARD or NONE
    return
  end
  if v2.mark == mark then
    self.direction = (v1.mark ~= mark and stronger(self.strength, v1.walkStrength)) and BACKWARD or NONE
    return
  end
  if weaker(v1.walkStrength, v2.walkStrength) then
    self.direction = stronger(self.strength, v1.walkStrength) and BACKWARD or NONE
  else
    self.direction = stronger(self.strength, v2.walkStrength) and FORWARD or NONE
  end
end

function BinaryConstraint:addToGraph()
  self.v1:addConstraint(self)
  self.v2:addConstraint(self)
  self.direction = NONE
end
function BinaryConstraint:isSatisfied() return self.direction ~= NONE end
function BinaryConstraint:markInputs(mark) self:input().mark = mark end
function BinaryConstraint:input() if self.direction == FORWARD then return self.v1 end return self.v2 end
function BinaryConstraint:output() if self.direction == FORWARD then return self.v2 end return self.v1 end
function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = weakest_of(self.strength, ihn.walkStrength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end
function BinaryConstraint:markUnsatisfied() self.direction = NONE end
function BinaryConstraint:inputsKnown(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determinedBy == nil
end
function BinaryConstraint:removeFromGraph()
  self.v1:removeConstraint(self)
  self.v2:removeConstraint(self)
  self.direction = NONE
end

local EqualityConstraint = setmetatable({}, {__index = BinaryConstraint})
EqualityConstraint.__index = EqualityConstraint
function EqualityConstraint.new(a, b, strength) return BinaryConstraint.init(setmetatable({}, EqualityConstraint), a, b, strength) end
function EqualityConstraint:execute()
  if self.direction == FORWARD then self.v2.value = self.v1.value else self.v1.value = self.v2.value end
end

-- dest = src * scale + offset, solvable in both directions.
local ScaleConstraint = setmetatable({}, {__index = BinaryConstraint})
ScaleConstraint.__index = ScaleConstraint
function ScaleConstraint.new(src, scale, offset, dest, strength)
  local c = setmetatable({scale = scale, offset = offset}, ScaleConstraint)
  return BinaryConstraint.init(c, src, dest, strength)
end
function ScaleConstraint:addToGraph()
  BinaryConstraint.addToGraph(self)
  self.scale:addConstraint(self)
  self.offset:addConstraint(self)
end
function ScaleConstraint:removeFromGraph()
  BinaryConstraint.removeFromGraph(self)
  self.scale:removeConstraint(self)
  self.offset:removeConstraint(self)
end
function ScaleConstraint:markInputs(mark)
  BinaryConstraint.markInputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end
function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) // self.scale.value
  end
end
function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = weakest_of(self.strength, ihn.walkStrength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

local Plan = {}
Plan.__index = Plan
function Plan:execute() for i = 1, #self do self[i]:execute() end end

local Planner = {}
Planner.__index = Planner

function Planner.new() return setmetatable({currentMark = 0}, Planner) end

function Planner:newMark()
  self.currentMark = self.currentMark + 1
  return self.currentMark
end

function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do overridden = overridden:satisfy(mark) end
end

function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  for strength = REQUIRED, WEAK_DEFAULT do
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then self:incrementalAdd(u) end
    end
  end
end

function Planner:addConstraintsConsumingTo(v, todo)
  local determining = v.determinedBy
  local list = v.constraints
  for i = 1, #list do
    local c = list[i]
    if c ~= determining and c:isSatisfied() then push(todo, c) end
  end
end

function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = setmetatable({}, Plan)
  local todo = queue_of(nil)
  for i = 1, #sources do push(todo, sources[i]) end
  while not is_empty(todo) do
    local c = pop(todo)
    local out = c:output()
    if out.mark ~= mark and c:inputsKnown(mark) then
      plan[#plan + 1] = c
      out.mark = mark
      self:addConstraintsConsumingTo(out, todo)
    end
  end
  return plan
end

function Planner:extractPlanFromConstraints(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:isInput() and c:isSatisfied() then sources[#sources + 1] = c end
  end
  return self:makePlan(sources)
end

function Planner:addPropagate(c, mark)
  local todo = queue_of(c)
  while not is_empty(todo) do
    local d = pop(todo)
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    self:addConstraintsConsumingTo(d:output(), todo)
  end
  return true
end

function Planner:removePropagateFrom(out)
  out.determinedBy = nil
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = queue_of(out)
  while not is_empty(todo) do
    local v = pop(todo)
    local list = v.constraints
    for i = 1, #list do
      if not list[i]:isSatisfied() then unsatisfied[#unsatisfied + 1] = list[i] end
    end
    local determining = v.determinedBy
    for i = 1, #list do
      local nxt = list[i]
      if nxt ~= determining and nxt:isSatisfied() then
        nxt:recalculate()
        push(todo, nxt:output())
      end
    end
  end
  return unsatisfied
end

local function chain_test(n)
  planner = Planner.new()
  local prev, first, last
  for i = 0, n do
    local v = Variable.new("v" .. i)
    if prev ~= nil then EqualityConstraint.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local plan = planner:extractPlanFromConstraints({edit})
  local sum = 0
  for i = 0, 99 do
    first.value = i
    plan:execute()
    assert(last.value == i, "chain test failed")
    sum = sum + last.value
  end
  return sum + planner.currentMark
end

local function change(v, value)
  local edit = EditConstraint.new(v, PREFERRED)
  local plan = planner:extractPlanFromConstraints({edit})
  for _ = 1, 10 do
    v.value = value
    plan:execute()
  end
  edit:destroyConstraint()
end

local function projection_test(n)
  planner = Planner.new()
  local scale, offset = Variable.new("scale", 10), Variable.new("offset", 1000)
  local src, dst
  local dests = {}
  for i = 0, n - 1 do
    src, dst = Variable.new("src" .. i, i), Variable.new("dst" .. i, i)
    dests[#dests + 1] = dst
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  assert(dst.value == 1170, "projection 1 failed")
  change(dst, 1050)
  assert(src.value == 5, "projection 2 failed")
  change(scale, 5)
  for i = 0, n - 2 do assert(dests[i + 1].value == i * 5 + 1000, "projection 3 failed") end
  change(offset, 2000)
  for i = 0, n - 2 do assert(dests[i + 1].value == i * 5 + 2000, "projection 4 failed") end
  local sum = 0
  for i = 1, #dests do sum = sum + dests[i].value end
  return sum + planner.currentMark
end

local checksum = 0
for _ = 1, runs do
  checksum = checksum + chain_test(SIZE) + projection_test(SIZE)
end
print("checksum", checksum)
