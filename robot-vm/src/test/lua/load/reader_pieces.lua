-- load with a reader function: numbers count as text pieces, other values are an error
local function reader(pieces)
  local i = 0
  return function() i = i + 1; return pieces[i] end
end
print(load(reader({"return ", 4, 2, " + ", 1.5}))())
print(load(reader({"return 1", "", "error"}))())
print(pcall(load, reader({"return 1", true})))
-- inside pcall: at top level lua.c's message handler would append a traceback to the message
print(pcall(function() return load(reader({"return ", {}})) end))
local function outer() return load(reader({"return 2", false})) end
print(pcall(outer))
