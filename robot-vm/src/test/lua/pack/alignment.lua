-- alignment with !, X options, padding x and unpack positions
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("!4 b i4", 1, 2)), hex(string.pack("!2 b i4", 1, 2)), hex(string.pack("b x i2", 1, 2)))
print(hex(string.pack("!8 b Xi8 b", 1, 2)), string.packsize("!8 b Xi8"), string.packsize("!4 i1 i8"))
print(string.unpack("<i2", "\1\0\2\0", 3), string.unpack("b", "abc", -1))
print(pcall(string.unpack, "b", "abc", 5))
print(pcall(string.pack, "!3 i4", 1))
print(pcall(string.pack, "Xz", 1))
print(pcall(string.pack, "q", 1))
local packed = string.pack(">I2 i8 d s4 z", 65535, math.maxinteger, -0.5, "str", "zs")
print(#packed, string.unpack(">I2 i8 d s4 z", packed))
print(select("#", string.unpack("i4 i4", string.pack("i4 i4", 1, 2))))
print(string.pack("=i2", 1) == string.pack("<i2", 1))
