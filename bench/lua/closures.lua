-- Creating and calling closures: counters, adders, composition and upvalue sharing.
local n = tonumber(arg and arg[1]) or 3000000

local function make_adder(k) return function(x) return x + k end end

local function make_counter()
  local count = 0
  return function() count = count + 1; return count end, function() return count end
end

local function compose(f, g) return function(x) return f(g(x)) end end

local total = 0
local inc, get = make_counter()
for i = 1, n do
  local add = make_adder(i % 13)
  local twice = compose(add, add)
  total = total + twice(i) + inc()
  if i % 1000 == 0 then
    local fs = {}
    for j = 1, 100 do fs[j] = function() return j * i end end
    for j = 1, 100 do total = total + fs[j]() % 7 end
  end
end
print("checksum", total, get())
