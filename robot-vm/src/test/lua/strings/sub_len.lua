-- string.sub with every kind of index, len and #
local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -3), s:sub(0), s:sub(5, 2), s:sub(-100, 3), s:sub(3, 100))
print(s:sub(math.mininteger, math.maxinteger), ("x"):sub(2), ("abc"):sub(-1, -1), s:len(), #s, string.len(""))
print(("abc"):sub(2, -2), ("abc"):sub(0, 0), ("abc"):sub(4, 4) == "")
print(pcall(string.sub))
print(pcall(string.sub, "x", {}))
