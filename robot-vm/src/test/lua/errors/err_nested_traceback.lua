-- uncaught error three functions deep: global, local, field, method frames in the traceback
local M = {}
function M.field(x)
  return x.missing.value
end
local obj = {}
function obj:method(x)
  return M.field(x)
end
function global_fn(x)
  local r = obj:method(x)
  return r
end
local function local_fn()
  return (global_fn({}))
end
print("start")
local_fn()
