-- pcall/xpcall results, handlers and nested protected calls
print(pcall(function(...) return ... end, 1, 2, 3))
print(xpcall(function() return "fine" end, print))
print(xpcall(function() error("bad", 0) end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, function(m) return m end, 3, 4))
print(xpcall(function() local x = nil; return x.y end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
print(pcall(pcall, error, "nested"))
print(pcall(xpcall))
print(pcall(xpcall, print))
print(xpcall(error, function(e) return type(e) end, {}))
local depth = 0
local results = table.pack(xpcall(function() error("outer") end, function(m)
  depth = depth + 1
  local ok, inner = pcall(error, "inside handler", 0)
  return m .. " / " .. inner
end))
print(results.n, results[1], results[2], depth)
print(pcall(pcall))
print(pcall(error, "x", "notanumber"))
