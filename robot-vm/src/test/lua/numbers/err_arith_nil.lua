-- uncaught arithmetic on a nil field in a global function
local cfg = {width = 10}
function area(c)
  return c.width * c.height
end
print(area(cfg))
