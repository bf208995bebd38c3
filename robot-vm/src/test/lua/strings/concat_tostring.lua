-- concatenation of numbers and strings, and errors for other types
print("a" .. 1, 1 .. "a", 1.0 .. "|" .. -2 .. "|" .. 2^63)
local parts = {}
for i = 1, 10 do parts[#parts + 1] = i .. "" end
print(table.concat(parts, ","))
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. {} end))
print(pcall(function() local t = {} return t .. "x" end))
print(pcall(function() return true .. "" end))
local long = ("x"):rep(100) .. ("y"):rep(100)
print(#long, long:sub(99, 102))
