-- proper tail calls do not grow the stack
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
print(loop(1000000, 0))
local function a(n) if n == 0 then return "done a" end return (function(m) return a(m) end)(n - 1) end
print(pcall(a, 100))
local function count(n) if n > 0 then return count(n - 1) end return "bottom" end
print(count(500000))
local t = setmetatable({}, {__call = function(self, n) if n == 0 then return "meta done" end return self(n - 1) end})
print(t(10000))
