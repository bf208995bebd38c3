-- 100,000 nested parentheses, tables, blocks, calls and concatenations are syntax errors, not crashes
local function nested(prefix, open, close, suffix)
  return prefix .. open:rep(100000) .. suffix .. close:rep(100000)
end
local sources = {
  parens = nested("return ", "(", ")", "1"),
  tables = nested("return ", "{", "}", ""),
  blocks = nested("", "do ", "end ", ""),
  calls = nested("x = ", "f(", ")", ""),
  ifs = nested("", "if x then ", "end ", ""),
  functions = nested("", "function f() ", "end ", ""),
  concat = "return " .. ("a .. "):rep(100000) .. "a",
  power = "return " .. ("2 ^ "):rep(100000) .. "1",
}
local names = {}
for name in pairs(sources) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do
  local f, msg = load(sources[name])
  local reported = type(msg) == "string" and (msg:find("overflow") or msg:find("levels") or msg:find("too many")) ~= nil
  print(name, f == nil, reported)
end
