-- uncaught malformed pattern error raised from an iterator inside a function
local function words(s, pat)
  local out = {}
  for w in s:gmatch(pat) do out[#out + 1] = w end
  return out
end
print(#words("a b c", "%a"))
print(#words("a b c", "[%a"))
