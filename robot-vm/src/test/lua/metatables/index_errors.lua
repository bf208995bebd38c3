-- errors naming the variable kind when indexing non-tables
local loc
print(pcall(function() return loc.x end))
print(pcall(function() return undefinedglobal.x end))
local t = {}
print(pcall(function() return t.field.sub end))
print(pcall(function() return t[1][2] end))
print(pcall(function() local s = 5; return s.x end))
print(pcall(function() t.a.b = 1 end))
print(pcall(function() return ("str").x.y end))
print(pcall(function() return t:method() end))
print(pcall(function() return (nil)[1] end))
print(pcall((function() local up = loc; return function() return up.z end end)()))
print(pcall(function() return setmetatable({}, {__index = function(t, k) return nil + k end}).q end))
