-- floats, doubles, fixed strings, zero-terminated and length-prefixed strings
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<d", 1.5)), hex(string.pack(">f", -2.25)), hex(string.pack("<n", 0.1)))
print(string.unpack("<d", string.pack("<d", math.pi)) == math.pi, string.unpack("<f", string.pack("<f", 0.1)))
print(hex(string.pack("z", "abc")), hex(string.pack("s1", "hi")), hex(string.pack("<s2", "hi")), hex(string.pack("c5", "ab")))
print(string.unpack("z", "hello\0world"), string.unpack("s1", "\3abcdef"), string.unpack("c3", "abcdef"))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.pack, "s1", ("x"):rep(256)))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "c10", "abc"))
print(string.unpack("<i2 i2 z s1", string.pack("<i2 i2 z s1", 7, -7, "mid", "end")))
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "z"))
