-- and/or short circuit and truthiness (0 and "" are true)
print(nil and 1, false and 1, 0 and 1, "" and 2)
print(nil or "d", false or nil, 1 or error("no"), nil or false)
print(not nil, not 0, not not "x")
local calls = 0
local function f(v) calls = calls + 1; return v end
local r = f(false) and f(true) or f("else")
print(r, calls)
print(1 == 1.0, "1" == 1, {} == {}, nil == false)
print(1 < 2, "a" < "b", "Z" < "a", "abc" < "abd", "" < "a", "a\0b" < "a\0c")
print(2 <= 2, 3 >= 4, 1 ~= 1.0, "10" < "9")
