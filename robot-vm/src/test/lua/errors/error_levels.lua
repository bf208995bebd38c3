-- error levels attribute the position to the caller, level 0 adds none
local function lvl(n) error("level " .. n, n) end
local function caller(n) lvl(n) end
print(pcall(caller, 1))
print(pcall(caller, 2))
print(pcall(caller, 3))
print(pcall(caller, 0))
print(pcall(function() error("default") end))
print(pcall(function() error("with\nnewline") end))
local function check(x) if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end return x end
local function use() return check("s") end
print(pcall(use))
print(pcall(error, "from C", 1))
print(pcall(error, "from C", 2))
print(pcall(function() error() end))
print(pcall(function() error(123, 1) end))
