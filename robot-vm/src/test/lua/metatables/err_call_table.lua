-- uncaught error calling a table without __call through a field
local handlers = {click = {}}
local function dispatch(name)
  return handlers[name]()
end
dispatch("click")
