-- %p: lua5.4 interns strings up to 40 bytes, so equal short strings share one address
local function p(v) return string.format("%p", v) end
local s1, s2 = string.rep("a", 10), string.rep("aa", 5)
print(p(s1) == p(s2), p("x" .. 1) == p("x1"), p("abc") == p("abd"))
local l1, l2 = string.rep("a", 300), string.rep("a", 300)
print(p(l1) == p(l2), p(l1) == p(l1))
local t1, t2 = {}, {}
print(p(t1) == p(t2), p(t1) == p(t1), p(print) == p(print), p(1), p(nil), p(true), p(2.5))
print(#string.format("%90p", {}), #string.format("%-60p", "str"), string.format("%10p|%-10p|", false, 1))
