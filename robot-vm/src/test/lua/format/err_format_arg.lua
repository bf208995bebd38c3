-- uncaught bad argument error from string.format called in a helper
local function report(fmt, ...)
  return string.format(fmt, ...)
end
print(report("%d items", 3))
print(report("%d items", "three"))
