-- word frequency count with deterministic ordering
local text = [[
The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
A fox, a dog, and THE end. Quick quick quick.
]]
local freq = {}
for w in text:lower():gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w, n in pairs(freq) do words[#words + 1] = {w = w, n = n} end
table.sort(words, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.w < b.w end)
for i = 1, 8 do print(words[i].w, words[i].n) end
print(#words)
