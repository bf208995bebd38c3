local M = {}
function M.f(a, b, ...) return a, b, ... end
function M:g(x) return self, x end
function M.a.b.c:d() end
local function rec(n) if n == 0 then return 0 end return rec(n - 1) end
local up1, up2 = 1, 2
local function outer()
  local l = 3
  return function(...)
    up1 = up1 + l
    l = up2
    local t = {...}
    local u = {..., 1}
    local v = {1, ...}
    local w = {(...)}
    return select('#', ...), ..., t, u, v, w
  end
end
print(M.f(1, 2, 3), M:g(4), rec(5), outer()(1, 2))
local s = ("x"):rep(3)
local q = s:upper():lower()
print(#s, q, M["f"], M[1], M[300], M[-1], M[1.0], M[true], M.long_name_that_is_definitely_longer_than_forty_chars)
M.long_name_that_is_definitely_longer_than_forty_chars = 1
M[1], M[2], M[s] = 1, 2, 3
local a, b, c = M.f()
local d, e = 1
local f, g = 1, 2, 3, M.f()
a, b = b, a
M.x, M.y = M.y, M.x
glob1, glob2 = 1
return M.f(1), 2
