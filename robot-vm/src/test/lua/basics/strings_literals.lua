-- escape sequences, long strings, and line-continuation
print("tab\tq\"uote\\ \65\066\x41\u{48}\u{20AC}|")
print('single \'q\' \z
       continues')
print([[long
string]])
print([==[with ]] inside]==])
print(#"\0\0\0", ("\0a"):byte(1, -1))
print("\r\n" == "\13\10", "\a\b\f\v" == "\7\8\12\11")
local s = [[
first newline skipped]]
print(s)
print(#"\u{7FFFFFFF}")
