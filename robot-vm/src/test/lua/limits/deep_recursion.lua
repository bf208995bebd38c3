-- unbounded Lua recursion is a catchable "stack overflow" error
local function f(n) return 1 + f(n + 1) end
local ok, msg = pcall(f, 1)
print(ok, type(msg), msg:find("stack overflow", 1, true) ~= nil)
local depth = 0
local function g() depth = depth + 1; g() end
ok, msg = pcall(g)
print(ok, depth > 10000, msg:find("stack overflow", 1, true) ~= nil)
local function h(n) if n == 0 then return 0 end return 1 + h(n - 1) end
print(h(10000))
