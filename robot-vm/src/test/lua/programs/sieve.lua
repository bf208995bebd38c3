-- sieve of Eratosthenes and prime statistics
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(100000)
print(#p, p[1], p[100], p[#p])
local twins = 0
for i = 2, #p do if p[i] - p[i - 1] == 2 then twins = twins + 1 end end
print(twins)
local first = {}
for i = 1, 15 do first[i] = p[i] end
print(table.concat(first, " "))
