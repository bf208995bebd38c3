-- uncaught error in a closure called through a callback chain
local function each(t, f)
  for i = 1, #t do f(t[i], i) end
end
local total = 0
each({1, 2, "three", 4}, function(v, i)
  total = total + v * i
  if type(v) ~= "number" then error("bad element at " .. i) end
end)
print(total)
