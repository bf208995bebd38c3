-- __call on tables, with arguments and multiple results, and nested callables
local counter = setmetatable({n = 0}, {__call = function(self, inc, ...)
  self.n = self.n + (inc or 1)
  return self.n, select("#", ...)
end})
print(counter())
print(counter(10, "a", "b"))
local inner = setmetatable({}, {__call = function(self, x) return "inner " .. x end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, 5))
print(pcall(setmetatable({}, {__call = 42})))
local t = {method = counter}
print(t.method(2))
print(pcall(counter, 1), select("#", pcall(counter)))
for _, v in ipairs({counter}) do print(v(0)) end
