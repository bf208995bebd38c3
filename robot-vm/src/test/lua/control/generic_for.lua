-- generic for with stateless and stateful iterators and a closing value
local function range(n)
  return function(_, i) if i < n then return i + 1 end end, nil, 0
end
for i in range(4) do io.write(i, " ") end print()
local function chars(s)
  local pos = 0
  return function() pos = pos + 1; if pos <= #s then return pos, s:sub(pos, pos) end end
end
for i, c in chars("abc") do io.write(i, c, " ") end print()
local t = {10, 20, 30}
for i, v in next, t do io.write(i, "=", v, " ") end print()
local closed = {}
local function closing_iter()
  local tbc = setmetatable({}, {__close = function() closed[#closed + 1] = "closed" end})
  local i = 0
  return function() i = i + 1; if i <= 2 then return i end end, nil, nil, tbc
end
for i in closing_iter() do io.write(i, " ") end print(table.concat(closed))
for i in closing_iter() do break end print(#closed)
local function err_in_body()
  for i in closing_iter() do error("stop") end
end
print(pcall(err_in_body), #closed)
for k, v in pairs({}) do print("never") end
local multi = function(s, c) if c < 3 then return c + 1, c * 2, c * 3 end end
for a, b, c in multi, nil, 0 do io.write(a, b, c, " ") end print()
