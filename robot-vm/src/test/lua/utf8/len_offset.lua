-- utf8.len with invalid bytes and ranges, utf8.offset forwards and backwards
local s = "aé€😀z"
print(utf8.len(s), #s, utf8.len(s, 2), utf8.len(s, -1), utf8.len(s, 1, 1), utf8.len(""))
print(utf8.len("abc\255def"), utf8.len("\xC3"), utf8.len("\xC0\x80"), utf8.len("\xED\xA0\x80"), utf8.len("\xED\xA0\x80", 1, -1, true))
print(pcall(utf8.len, s, 3))
print(pcall(utf8.len, s, 20))
print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 5), utf8.offset(s, 6), utf8.offset(s, 7))
print(utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, -6))
print(pcall(utf8.offset, s, 1, 3))
print(utf8.offset("abc", 0), utf8.offset("abc", 4), utf8.offset("abc", 5))
