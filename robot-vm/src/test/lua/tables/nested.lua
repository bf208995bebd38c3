-- nested tables, references and a small recursive serializer with sorted keys
local function ser(v, indent)
  indent = indent or ""
  if type(v) ~= "table" then return type(v) == "string" and string.format("%q", v) or tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) ~= type(b) then return type(a) < type(b) end
    if type(a) == "boolean" then return not a and b end
    return a < b
  end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = indent .. "  [" .. ser(k) .. "] = " .. ser(v[k], indent .. "  ") end
  return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
end
local shared = {1, 2}
local data = {name = "robot", tags = {"a", "b"}, pos = {x = 1.5, y = -2}, shared, shared, [true] = false}
print(ser(data))
print(data[1] == data[2], rawequal(data[1], shared))
shared[3] = 3
print(#data[2])
