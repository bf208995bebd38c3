-- comments, semicolons, method call sugar and parenthesized calls
--[[ block
comment ]] print("after block comment")
--[==[ another ]==] print("after level comment");
;;; local t = {n = 1};
function t:inc(k) self.n = self.n + (k or 1); return self end
t:inc():inc(5)
print(t.n)
print(("abc"):upper(), #"abc", ("%d"):format(5))
local f = print
f"string call"
local function first(t) return t[1] end
print(first{"table call"}, #{})
local s = "x"
print(s:rep(3, ","))
