-- goto compile errors reported by load
print(load("goto nowhere"))
print(load("do ::a:: end goto a"))
print(load("::dup:: ::dup::"))
print(load("goto f; local x; ::f:: print(x)"))
print(load("do goto f; local x; ::f:: end") ~= nil)
print(load("local x <const> = 1; x = 2"))
print(load("break"))
print(load("for i = 1, 2 do end break"))
