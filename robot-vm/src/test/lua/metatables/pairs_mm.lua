-- __pairs customizes pairs(); ipairs respects __index
local proxied = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, i * 10 end end, t, nil
end})
for k, v in pairs(proxied) do io.write(k, "=", v, " ") end print()
local backing = {"a", "b", "c"}
local view = setmetatable({}, {__index = function(_, i) return backing[i] end})
for i, v in ipairs(view) do io.write(i, v, " ") end print()
print(#view, rawlen(view))
local extra = setmetatable({}, {__pairs = function() return next, {x = 1}, nil, "ignored" end})
for k, v in pairs(extra) do print(k, v) end
