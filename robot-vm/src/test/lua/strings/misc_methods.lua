-- assorted string operations commonly used by scripts: split, trim, startswith, join
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local parts = split("a,b,,c", ",")
print(#parts, table.concat(parts, "|"))
print(#split("one", ","), #split("", ","), table.concat(split("x.y.z", "."), " "))
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  \t padded \n ") .. "]")
local function startswith(s, p) return s:sub(1, #p) == p end
print(startswith("robofarm", "robo"), startswith("robo", "robofarm"))
print(("%5.1f|%-6s|%03d"):format(3.14159, "ab", 7), ("CSV"):lower(), ("a-b-c"):gsub("-", "+"))
print(("hello world"):find("o w"), ("hello"):rep(2, " "), ("x"):byte(), ("abc"):upper():lower())
print(tostring(12):len(), ("12" + 0), #tostring(0.1))
