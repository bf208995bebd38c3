-- __index chains through tables and functions, rawget bypass
local base = {greet = function() return "hello from base" end, level = "base"}
local mid = setmetatable({level = "mid"}, {__index = base})
local obj = setmetatable({}, {__index = mid})
print(obj.greet(), obj.level, rawget(obj, "level"), obj.missing)
local calls = 0
local dyn = setmetatable({}, {__index = function(t, k) calls = calls + 1; return k .. "!" end})
print(dyn.a, dyn[1], dyn.a, calls)
local deep = {}
local cur = deep
for i = 1, 50 do
  local nxt = {}
  setmetatable(cur, {__index = nxt})
  cur = nxt
end
cur.found = "at depth 50"
print(deep.found)
local strs = setmetatable({}, {__index = string})
print(strs.upper("x"))
