-- __tostring and __name used by tostring, print and error messages
local P = {__tostring = function(p) return "Point(" .. p.x .. ")" end}
local p = setmetatable({x = 3}, P)
print(p, tostring(p), string.format("%s", p))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 42 end})))
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print(pcall(function() return named + 1 end))
print(pcall(function() return #named < 1, named < 1 end))
print(pcall(string.rep, named))
local notstr = setmetatable({}, {__name = 42})
print((tostring(notstr):match("^table")))
