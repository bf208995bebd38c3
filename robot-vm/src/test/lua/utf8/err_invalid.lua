-- uncaught error iterating over invalid UTF-8
local function count_chars(s)
  local n = 0
  for _, c in utf8.codes(s) do n = n + 1 end
  return n
end
print(count_chars("añb"))
print(count_chars("a\200b"))
