-- string.pack/unpack of integers of every size and both endiannesses
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<i4", 1)), hex(string.pack(">i4", 1)), hex(string.pack("<i2", -2)), hex(string.pack("b", -1)))
print(hex(string.pack("<I3", 0x123456)), hex(string.pack(">j", math.mininteger)), hex(string.pack("<J", -1)))
print(string.unpack("<i4", string.pack("<i4", -123456)), string.unpack(">I2", "\1\2"), string.unpack("<I2", "\1\2"))
print(string.unpack("<i16", string.pack("<i16", -3)), hex(string.pack("<i16", -3)))
print(string.unpack("B", "\200"), string.unpack("b", "\200"), string.unpack("<h", "\255\255"), string.unpack("<H", "\255\255"))
print(pcall(string.pack, "i1", 200))
print(pcall(string.pack, "I1", -1))
print(pcall(string.pack, "i17", 1))
print(pcall(string.unpack, "<i9", ("\255"):rep(8) .. "\1"))
print(string.unpack("<i9", ("\255"):rep(9)))
print(string.packsize("i4i8"), string.packsize("!8i1i8"), string.packsize("<i3"), string.packsize("b h i l j"))
