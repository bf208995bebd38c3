-- uncaught error inside a chunk created by load with a custom chunk name
local chunk = load([[
local function inner(t)
  return t.value + 1
end
return inner(...)
]], "=config")
print(chunk({value = 1}))
print(chunk({}))
