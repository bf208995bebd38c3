-- big-number addition with digit tables, computing large Fibonacci numbers exactly
local function add(a, b)
  local r, carry = {}, 0
  for i = 1, math.max(#a, #b) do
    local s = (a[i] or 0) + (b[i] or 0) + carry
    r[i] = s % 10
    carry = s // 10
  end
  if carry > 0 then r[#r + 1] = carry end
  return r
end
local function str(n) local t = {} for i = #n, 1, -1 do t[#t + 1] = n[i] end return table.concat(t) end
local a, b = {0}, {1}
for i = 1, 300 do a, b = b, add(a, b) end
print(str(a))
print(#str(a))
