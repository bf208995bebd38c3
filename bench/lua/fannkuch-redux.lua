-- Fannkuch-redux: permutations of a small integer array, counting prefix reversals.
-- arg[1] is the array size, arg[2] how many times the whole count is repeated.
local n = tonumber(arg and arg[1]) or 9
local repeats = tonumber(arg and arg[2]) or 4

local function fannkuch(size)
  local perm, perm1, count = {}, {}, {}
  for i = 0, size - 1 do perm1[i] = i end
  local max_flips, checksum, permutation = 0, 0, 0
  local r = size
  while true do
    while r ~= 1 do count[r - 1] = r; r = r - 1 end
    for i = 0, size - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local lo, hi = 0, k
      while lo < hi do
        perm[lo], perm[hi] = perm[hi], perm[lo]
        lo, hi = lo + 1, hi - 1
      end
      flips = flips + 1
      k = perm[0]
    end
    if flips > max_flips then max_flips = flips end
    checksum = checksum + (permutation % 2 == 0 and flips or -flips)
    while true do
      if r == size then return checksum, max_flips end
      local first = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = first
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    permutation = permutation + 1
  end
end

local checksum, flips
for _ = 1, repeats do checksum, flips = fannkuch(n) end
print(("%d Pfannkuchen(%d) = %d"):format(checksum, n, flips))
