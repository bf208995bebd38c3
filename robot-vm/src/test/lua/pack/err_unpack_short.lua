-- uncaught error unpacking a truncated binary record
local function read_record(data)
  local id, len = string.unpack("<I4I2", data)
  return id, len
end
print(read_record(string.pack("<I4I2", 7, 300)))
print(read_record("\1\0\0"))
