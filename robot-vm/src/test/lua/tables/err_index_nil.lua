-- uncaught indexing of a nil upvalue inside nested closures
local config
local function getter(key)
  return function()
    return config[key]
  end
end
local g = getter("name")
print("calling")
print(g())
