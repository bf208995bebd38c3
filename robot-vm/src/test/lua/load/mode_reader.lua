-- load modes and reader functions
print(type(load("return 1", "m", "t")))
print(load("return 1", "m", "b"))
print(load("return 2", "m", "bt")())
local pieces = {"ret", "urn ", "'rea", "der'", nil}
local i = 0
local f = load(function() i = i + 1; return pieces[i] end)
print(f())
local j = 0
print(load(function() j = j + 1; if j == 1 then return "return 'empty ends'" end return "" end)())
print(type(load(function() return nil end)), load(function() return nil end)())
print(pcall(load, function() return true end))
print(pcall(load, function() return {} end))
local k = 0
print(load(function() k = k + 1; if k == 1 then return "return 1 +" end if k == 2 then return " 2" end end)())
print(pcall(load, function() error("reader failed") end))
local chars = "return 'one char at a time'"
local n = 0
print(load(function() n = n + 1; return chars:sub(n, n) end)())
print(pcall(load, "x", "n", "q"))
