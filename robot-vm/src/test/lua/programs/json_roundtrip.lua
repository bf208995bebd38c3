-- a small JSON encoder and decoder round-tripping a nested document
local function encode(v)
  local t = type(v)
  if t == "nil" then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      local map = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'}
      return map[c] or string.format("\\u%04x", c:byte())
    end) .. '"'
  elseif t == "table" then
    if #v > 0 or next(v) == nil then
      local parts = {}
      for i = 1, #v do parts[i] = encode(v[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    local parts = {}
    for i, k in ipairs(keys) do parts[i] = encode(k) .. ":" .. encode(v[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  error("cannot encode " .. t)
end
local decode
local function skip(s, i) return s:find("[^ \t\r\n]", i) or #s + 1 end
local function value(s, i)
  i = skip(s, i)
  local c = s:sub(i, i)
  if c == "{" then
    local obj = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "}" then return obj, i + 1 end
    while true do
      local k; k, i = value(s, i)
      i = skip(s, i)
      assert(s:sub(i, i) == ":", "colon expected at " .. i)
      obj[k], i = value(s, i + 1)
      i = skip(s, i)
      local d = s:sub(i, i)
      if d == "}" then return obj, i + 1 end
      assert(d == ",", "comma expected at " .. i)
      i = i + 1
    end
  elseif c == "[" then
    local arr = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "]" then return arr, i + 1 end
    while true do
      arr[#arr + 1], i = value(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      if d == "]" then return arr, i + 1 end
      i = i + 1
    end
  elseif c == '"' then
    local out, j = {}, i + 1
    while true do
      local ch = s:sub(j, j)
      if ch == '"' then return table.concat(out), j + 1 end
      if ch == "\\" then
        local e = s:sub(j + 1, j + 1)
        if e == "u" then out[#out + 1] = utf8.char(tonumber(s:sub(j + 2, j + 5), 16)); j = j + 6
        else out[#out + 1] = ({n = "\n", t = "\t"})[e] or e; j = j + 2 end
      else out[#out + 1] = ch; j = j + 1 end
    end
  elseif s:find("^true", i) then return true, i + 4
  elseif s:find("^false", i) then return false, i + 5
  elseif s:find("^null", i) then return nil, i + 4
  else
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    return math.tointeger(tonumber(num)) or tonumber(num), i + #num
  end
end
decode = function(s) return (value(s, 1)) end
local doc = {name = "robot \"R2\"\n", version = 3, ratio = 0.25, tags = {"a", "b", "c"},
  nested = {deep = {deeper = {true, false, 1.5e10}}}, empty = {}, ctrl = "\1"}
local text = encode(doc)
print(text)
local back = decode(text)
print(encode(back) == text, back.nested.deep.deeper[3], back.name)
print(encode(decode('  {"x" : [1, 2, {"y": null}], "z": -0.5e2 }  ')))
