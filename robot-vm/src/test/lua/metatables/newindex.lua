-- __newindex with tables and functions, existing keys bypass it
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = store,
  __newindex = function(t, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v); rawset(store, k, v) end
})
proxy.a = 1; proxy.b = 2; proxy.a = 3
print(table.concat(log, " "), proxy.a, rawget(proxy, "a"))
local target = {}
local redirect = setmetatable({}, {__newindex = target})
redirect.x = 10
print(rawget(redirect, "x"), target.x)
local existing = setmetatable({k = 1}, {__newindex = function() error("should not be called") end})
existing.k = 2
print(existing.k)
local chain2 = {}
local chain1 = setmetatable({}, {__newindex = chain2})
setmetatable(chain2, {__newindex = function(t, k, v) rawset(t, k, v * 100) end})
chain1.z = 5
print(rawget(chain1, "z"), rawget(chain2, "z"))
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only field " .. k, 2) end})
print(pcall(function() ro.field = 1 end))
