-- Richards: an operating-system task scheduler simulation (tasks, packets, queues, state bits).
-- arg[1] is how many times the standard run (idle count 1000) is repeated; each run must
-- end with 2322 queued packets and 928 holds.
local runs = tonumber(arg and arg[1]) or 250

local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local STATE_RUNNING, STATE_RUNNABLE, STATE_SUSPENDED, STATE_HELD = 0, 1, 2, 4
local STATE_SUSPENDED_RUNNABLE = STATE_SUSPENDED | STATE_RUNNABLE
local STATE_NOT_HELD = ~STATE_HELD

local Packet = {}
Packet.__index = Packet

function Packet.new(link, id, kind)
  return setmetatable({link = link, id = id, kind = kind, a1 = 0, a2 = {0, 0, 0, 0}}, Packet)
end

-- Appends this packet to the end of queue and returns the queue's head.
function Packet:addTo(queue)
  self.link = nil
  if queue == nil then return self end
  local last = queue
  while last.link ~= nil do last = last.link end
  last.link = self
  return queue
end

local Tcb = {}
Tcb.__index = Tcb

function Tcb.new(link, id, priority, queue, task)
  local state = queue == nil and STATE_SUSPENDED or STATE_SUSPENDED_RUNNABLE
  return setmetatable({link = link, id = id, priority = priority, queue = queue, task = task, state = state}, Tcb)
end

function Tcb:setRunning() self.state = STATE_RUNNING end
function Tcb:markAsNotHeld() self.state = self.state & STATE_NOT_HELD end
function Tcb:markAsHeld() self.state = self.state | STATE_HELD end
function Tcb:markAsSuspended() self.state = self.state | STATE_SUSPENDED end
function Tcb:markAsRunnable() self.state = self.state | STATE_RUNNABLE end

function Tcb:isHeldOrSuspended()
  return (self.state & STATE_HELD) ~= 0 or self.state == STATE_SUSPENDED
end

function Tcb:run()
  local packet
  if self.state == STATE_SUSPENDED_RUNNABLE then
    packet = self.queue
    self.queue = packet.link
    self.state = self.queue == nil and STATE_RUNNING or STATE_RUNNABLE
  end
  return self.task:run(packet)
end

function Tcb:checkPriorityAdd(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:markAsRunnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:addTo(self.queue)
  end
  return task
end

local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  return setmetatable({queueCount = 0, holdCount = 0, blocks = {}, list = nil, currentTcb = nil, currentId = nil}, Scheduler)
end

function Scheduler:addTask(id, priority, queue, task)
  self.currentTcb = Tcb.new(self.list, id, priority, queue, task)
  self.list = self.currentTcb
  self.blocks[id] = self.currentTcb
end

function Scheduler:schedule()
  self.currentTcb = self.list
  while self.currentTcb ~= nil do
    if self.currentTcb:isHeldOrSuspended() then
      self.currentTcb = self.currentTcb.link
    else
      self.currentId = self.currentTcb.id
      self.currentTcb = self.currentTcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then return nil end
  tcb:markAsNotHeld()
  if tcb.priority > self.currentTcb.priority then return tcb end
  return self.currentTcb
end

function Scheduler:holdCurrent()
  self.holdCount = self.holdCount + 1
  self.currentTcb:markAsHeld()
  return self.currentTcb.link
end

function Scheduler:suspendCurrent()
  self.currentTcb:markAsSuspended()
  return self.currentTcb
end

function Scheduler:queue(packet)
  local target = self.blocks[packet.id]
  if target == nil then return nil end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return target:checkPriorityAdd(self.currentTcb, packet)
end

local IdleTask = {}
IdleTask.__index = IdleTask

function IdleTask:run()
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:holdCurrent() end
  if self.v1 & 1 == 0 then
    self.v1 = self.v1 >> 1
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = (self.v1 >> 1) ~ 0xD008
  return self.scheduler:release(ID_DEVICE_B)
end

local DeviceTask = {}
DeviceTask.__index = DeviceTask

function DeviceTask:run(packet)
  if packet == nil then
    local pending = self.pending
    if pending == nil then return self.scheduler:suspendCurrent() end
    self.pending = nil
    return self.scheduler:queue(pending)
  end
  self.pending = packet
  return self.scheduler:holdCurrent()
end

local WorkerTask = {}
WorkerTask.__index = WorkerTask

function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspendCurrent() end
  self.destination = self.destination == ID_HANDLER_A and ID_HANDLER_B or ID_HANDLER_A
  packet.id = self.destination
  packet.a1 = 0
  local a2 = packet.a2
  for i = 1, DATA_SIZE do
    local c = self.char + 1
    if c > 26 then c = 1 end
    self.char = c
    a2[i] = c
  end
  return self.scheduler:queue(packet)
end

local HandlerTask = {}
HandlerTask.__index = HandlerTask

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.work = packet:addTo(self.work)
    else
      self.devices = packet:addTo(self.devices)
    end
  end
  local work = self.work
  if work ~= nil then
    local count = work.a1
    if count < DATA_SIZE then
      local device = self.devices
      if device ~= nil then
        self.devices = device.link
        device.a1 = work.a2[count + 1]
        work.a1 = count + 1
        return self.scheduler:queue(device)
      end
    else
      self.work = work.link
      return self.scheduler:queue(work)
    end
  end
  return self.scheduler:suspendCurrent()
end

local function packets(id, kind, count)
  local queue
  for _ = 1, count do queue = Packet.new(queue, id, kind) end
  return queue
end

local function run_once()
  local s = Scheduler.new()
  s:addTask(ID_IDLE, 0, nil, setmetatable({scheduler = s, v1 = 1, count = 1000}, IdleTask))
  s.currentTcb:setRunning()
  s:addTask(ID_WORKER, 1000, packets(ID_WORKER, KIND_WORK, 2),
    setmetatable({scheduler = s, destination = ID_HANDLER_A, char = 0}, WorkerTask))
  s:addTask(ID_HANDLER_A, 2000, packets(ID_DEVICE_A, KIND_DEVICE, 3), setmetatable({scheduler = s}, HandlerTask))
  s:addTask(ID_HANDLER_B, 3000, packets(ID_DEVICE_B, KIND_DEVICE, 3), setmetatable({scheduler = s}, HandlerTask))
  s:addTask(ID_DEVICE_A, 4000, nil, setmetatable({scheduler = s}, DeviceTask))
  s:addTask(ID_DEVICE_B, 5000, nil, setmetatable({scheduler = s}, DeviceTask))
  s:schedule()
  return s.queueCount, s.holdCount
end

local queued, held = 0, 0
for _ = 1, runs do
  local q, h = run_once()
  assert(q == 2322 and h == 928, "wrong result: " .. q .. " " .. h)
  queued, held = queued + q, held + h
end
print("checksum", queued, held)
