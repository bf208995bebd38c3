-- empty captures return positions
print(("hello"):match("()ll()"))
print(("hello"):find("()(l+)()"))
print(string.gsub("abc", "()", "%1"))
for pos, ch in ("abc"):gmatch("()(.)") do io.write(pos, ch, " ") end print()
print(("x"):match("()"), (""):match("()"))
