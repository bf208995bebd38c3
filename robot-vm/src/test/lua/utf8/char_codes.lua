-- utf8.char, utf8.codes, utf8.codepoint and charpattern
print(utf8.char(72, 228, 8364, 128512), utf8.char(), #utf8.char(0x7FFFFFFF))
print(utf8.charpattern)
local s = "héllo €"
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end print()
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint("€"), pcall(utf8.codepoint, s, 3))
local n = 0
for ch in s:gmatch(utf8.charpattern) do n = n + 1 end
print(n)
print(pcall(function() for p, c in utf8.codes("a\255b") do end end))
print(pcall(function() for p, c in utf8.codes("\xF4\x90\x80\x80") do end end))
for p, c in utf8.codes("\xF4\x90\x80\x80", true) do print("lax", p, c) end
print(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true), pcall(utf8.codepoint, "\u{7FFFFFFF}"))
