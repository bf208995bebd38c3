-- an observer/event system with closures, varargs and removal during dispatch
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(name, fn)
  local list = self.handlers[name] or {}
  self.handlers[name] = list
  list[#list + 1] = fn
  return function()
    for i, f in ipairs(list) do if f == fn then table.remove(list, i) return true end end
    return false
  end
end
function Emitter:emit(name, ...)
  local list = self.handlers[name]
  if not list then return 0 end
  local snapshot = table.move(list, 1, #list, 1, {})
  for _, f in ipairs(snapshot) do f(...) end
  return #snapshot
end
local e = Emitter.new()
local log = {}
local off1 = e:on("tick", function(n) log[#log + 1] = "a" .. n end)
local off2
off2 = e:on("tick", function(n) log[#log + 1] = "b" .. n; off2() end)
e:on("tick", function(n, extra) log[#log + 1] = "c" .. n .. tostring(extra) end)
print(e:emit("tick", 1, "x"), e:emit("tick", 2), e:emit("none"))
print(off1(), off1(), e:emit("tick", 3))
print(table.concat(log, " "))
