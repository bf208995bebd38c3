-- string comparison is bytewise
local words = {"banana", "Apple", "apple", "cherry", "", "a", "ab", "a\0", "Z", "10", "9", "\255"}
table.sort(words)
for i, w in ipairs(words) do io.write(string.format("%q", w), " ") end
print()
print("a" < "b", "a" <= "a", "b" > "a", "abc" >= "abd", "\0" < "\1")
