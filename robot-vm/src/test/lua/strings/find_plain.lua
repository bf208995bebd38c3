-- string.find with plain flag, init positions and special characters
local s = "a.b.c (x) [y] 100%"
print(s:find("."), s:find(".", 1, true), s:find("(x)", 1, true), s:find("[y]", 1, true), s:find("%", 1, true))
print(s:find("b", -5), s:find("b", -100), s:find("", 3), s:find("", 100), s:find("", #s + 1), s:find("c", 20))
print(("aaa"):find("a", 0), ("aaa"):find("", 4), ("aaa"):find("", 5))
print(pcall(string.find, s, "(", 1))
print(string.find("abc", "b", nil, true), string.find("a+b", "+", 1, true))
