-- greedy and lazy quantifiers, optional items and backtracking
local s = "<a><b><c>"
print(s:match("<.*>"), s:match("<.->"), s:match("<(.-)>$"))
print(("aaab"):match("a*b"), ("b"):match("a*b"), ("aaab"):match("a-b"), ("ab"):match("a?b"), ("b"):match("a?b"))
print(("number: -42.5e3"):match("[+-]?%d+%.?%d*[eE]?[+-]?%d*"))
print(("aaaa"):find("a-a$"), ("xxyyxx"):find("y+"), ("abc"):match("^(a?)(b?)(x?)c$"))
print(("12ab34"):match("^%d+"), ("12ab34"):match("%d+$"), ("ab"):match("^%d*"))
local big = ("a"):rep(200) .. "b"
print(#big:match(".-b"), big:find("a*c"))
