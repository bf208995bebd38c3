-- io.read line by line from stdin until end of file
local n = 0
while true do
  local line = io.read()
  if not line then break end
  n = n + 1
  print(n, #line, line:upper())
end
print("lines:", n, io.read(), io.read("l"))
