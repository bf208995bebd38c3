-- syntax error messages returned by load
local cases = {
  "x = ", "x = = 1", "local 1 = 2", "if x then", "for i = 1 do end", "f(", "x = 'unfinished",
  "x = [[unfinished long", "x = 3x", "x = 0x", "x = 1e", "return return", "a.b:c = 1", "local function end",
  "x = }", "goto 1", "::a", "local x <foo> = 1", "x = '\\q'", "x = '\\300'", "x = '\\u{110000000}'",
  "x = \"abc\ndef\"", "return 1 ..", "until x", "function f(a,) end", "function f(..., a) end",
  "return ... ", "function f() return ... end", "x = {1 2}", "(f)", "a, b", "a.b", "x = #", "break = 1",
  "--[[ unfinished comment", "x = 1 --[==[ bad ]=]", "return 'a' 'b'", "local t = {} t.1 = 2", "x = ~= 1",
  "while true do", "repeat x = 1", "else", "x = 1 end", "return 0x1p", "x = 08", "x = 1..2",
  "local a <const> = 1; a = 2", "local a <close>, b <close> = 1, 2", "x = 5 // ", "f{}{}",
  "for a.b = 1, 2 do end", "for a, b = 1, 2 do end", "local function f.x() end", "x = function",
}
for i, src in ipairs(cases) do
  local f, err = load(src, "=src")
  print(i, f == nil, err)
end
