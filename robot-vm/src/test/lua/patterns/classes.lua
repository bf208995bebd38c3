-- character classes, sets and their complements
local s = "Hello, World! 123 _x\t\n"
local classes = {"%a", "%d", "%l", "%u", "%s", "%w", "%p", "%c", "%x", "%A", "%D", "%S", "%W", "%P", "[%a_]", "[^%s]", "[a-f]", "[%]%-]", "[]]", "[^]]", "[a-]"}
for _, c in ipairs(classes) do
  local n = 0
  for _ in s:gmatch(c) do n = n + 1 end
  print(c, n)
end
print(("x-y]z"):gsub("[%]%-]", "#"))
print(("a^b"):find("[%^]"), ("a^b"):find("[b^]"))
print(pcall(string.find, "x", "[a"))
print(pcall(string.find, "x", "%"))
print(pcall(string.find, "x", "[a-%"))
