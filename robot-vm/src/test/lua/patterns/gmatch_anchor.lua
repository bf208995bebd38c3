-- gmatch iteration, anchors and init positions
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end print()
for w in ("one two  three"):gmatch("%S+") do io.write("[", w, "]") end print()
for w in ("aaa"):gmatch("^a") do io.write("<", w, ">") end print()
for w in ("abc"):gmatch("") do io.write("|") end print()
local n = 0
for a in ("xyz"):gmatch(".", 2) do io.write(a) n = n + 1 end print(" count", n)
for a in ("xyz"):gmatch(".", -1) do io.write(a) end print()
print(("^abc"):find("^^"), ("abc$"):find("$$"), ("abc"):find("b$"), ("a$c"):find("$c"))
local it = ("a1b2"):gmatch("%a(%d)")
print(it(), it(), it())
