-- recursion through metamethods and nested coroutines also ends in a catchable overflow
local function mk() return setmetatable({}, {__index = function(t, k) return mk()[k] end}) end
local ok, msg = pcall(function() return mk().x end)
print(ok, tostring(msg):find("stack overflow", 1, true) ~= nil)
local function nest() return coroutine.wrap(function() return nest()() end) end
ok, msg = pcall(function() return nest()() end)
print(ok, tostring(msg):find("stack overflow", 1, true) ~= nil)
local rec = setmetatable({}, {__call = function(self, n) return 1 + self(n + 1) end})
ok, msg = pcall(rec, 1)
print(ok, tostring(msg):find("stack overflow", 1, true) ~= nil)
local cat = setmetatable({}, {__concat = function(a, b) return a .. b end})
ok, msg = pcall(function() return cat .. "x" end)
print(ok, tostring(msg):find("stack overflow", 1, true) ~= nil)
print("still alive")
