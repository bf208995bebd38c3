-- A JSON encoder and decoder written in Lua, round-tripping a generated document.
local n = tonumber(arg and arg[1]) or 6

local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t'}

local function is_array(t)
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == #t
end

local encode_value

local function encode_string(s, out)
  out[#out + 1] = '"'
  out[#out + 1] = s:gsub('[%c"\\]', function(c) return escapes[c] or ("\\u%04x"):format(c:byte()) end)
  out[#out + 1] = '"'
end

local function encode_table(t, out)
  if is_array(t) then
    out[#out + 1] = "["
    for i = 1, #t do
      if i > 1 then out[#out + 1] = "," end
      encode_value(t[i], out)
    end
    out[#out + 1] = "]"
    return
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  out[#out + 1] = "{"
  for i, k in ipairs(keys) do
    if i > 1 then out[#out + 1] = "," end
    encode_string(k, out)
    out[#out + 1] = ":"
    encode_value(t[k], out)
  end
  out[#out + 1] = "}"
end

function encode_value(v, out)
  local kind = type(v)
  if kind == "string" then encode_string(v, out)
  elseif kind == "number" then
    out[#out + 1] = math.type(v) == "integer" and tostring(v) or ("%.17g"):format(v)
  elseif kind == "boolean" then out[#out + 1] = tostring(v)
  elseif kind == "table" then encode_table(v, out)
  else out[#out + 1] = "null" end
end

local function encode(v)
  local out = {}
  encode_value(v, out)
  return table.concat(out)
end

local Decoder = {}
Decoder.__index = Decoder

function Decoder:skip()
  self.pos = self.text:find("[^ \t\r\n]", self.pos) or #self.text + 1
end

function Decoder:string()
  local text, pos, buf = self.text, self.pos + 1, {}
  while true do
    local stop = text:find('["\\]', pos)
    buf[#buf + 1] = text:sub(pos, stop - 1)
    if text:byte(stop) == 34 then
      self.pos = stop + 1
      return table.concat(buf)
    end
    local e = text:sub(stop + 1, stop + 1)
    if e == "u" then
      buf[#buf + 1] = utf8.char(tonumber(text:sub(stop + 2, stop + 5), 16))
      pos = stop + 6
    else
      local map = {b = "\b", f = "\f", n = "\n", r = "\r", t = "\t"}
      buf[#buf + 1] = map[e] or e
      pos = stop + 2
    end
  end
end

function Decoder:value()
  self:skip()
  local c = self.text:sub(self.pos, self.pos)
  if c == "{" then
    local obj = {}
    self.pos = self.pos + 1
    self:skip()
    if self.text:sub(self.pos, self.pos) == "}" then self.pos = self.pos + 1 return obj end
    while true do
      self:skip()
      local key = self:string()
      self:skip()
      self.pos = self.pos + 1
      obj[key] = self:value()
      self:skip()
      local d = self.text:sub(self.pos, self.pos)
      self.pos = self.pos + 1
      if d == "}" then return obj end
    end
  elseif c == "[" then
    local arr = {}
    self.pos = self.pos + 1
    self:skip()
    if self.text:sub(self.pos, self.pos) == "]" then self.pos = self.pos + 1 return arr end
    while true do
      arr[#arr + 1] = self:value()
      self:skip()
      local d = self.text:sub(self.pos, self.pos)
      self.pos = self.pos + 1
      if d == "]" then return arr end
    end
  elseif c == '"' then return self:string()
  elseif self.text:find("^true", self.pos) then self.pos = self.pos + 4 return true
  elseif self.text:find("^false", self.pos) then self.pos = self.pos + 5 return false
  elseif self.text:find("^null", self.pos) then self.pos = self.pos + 4 return nil
  end
  local num = self.text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", self.pos)
  self.pos = self.pos + #num
  return math.tointeger(tonumber(num)) or tonumber(num)
end

local function decode(text)
  return setmetatable({text = text, pos = 1}, Decoder):value()
end

local function generate(count)
  local items = {}
  for i = 1, count do
    items[i] = {
      id = i,
      name = "robot-" .. i .. (i % 7 == 0 and ' "quoted"\n' or ""),
      active = i % 3 == 0,
      score = i * 1.25 - 0.5,
      tags = {"a" .. i % 5, "b" .. i % 11, "c"},
      position = {x = i % 100, y = -(i % 37), z = i / 8},
    }
  end
  return {version = 2, generator = "robofarm-bench", items = items}
end

local doc = generate(2000)
local total_len, checksum = 0, 0
for _ = 1, n do
  local text = encode(doc)
  local back = decode(text)
  local again = encode(back)
  assert(again == text, "round trip changed the document")
  total_len = total_len + #text
  checksum = (checksum + #back.items + back.items[1999].position.y) % 1000000007
end
print("checksum", total_len, checksum)
