-- strings share a metatable whose __index is the string table
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("a") == getmetatable("b"))
print(("%s=%d"):format("x", 5), ("abc"):len(), ("a,b"):find(",", 1, true))
local s = "test"
print(s.len == string.len, s:len())
string.shout = function(self) return self:upper() .. "!" end
print(("hi"):shout())
print(pcall(function() return ("x"):nonexistent() end))
print(#"", ("x").y)
