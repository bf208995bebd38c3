-- matrix multiplication, transpose and determinant with integers and floats
local function mat(n, f) local m = {} for i = 1, n do m[i] = {} for j = 1, n do m[i][j] = f(i, j) end end return m end
local function mul(a, b)
  local n = #a
  return mat(n, function(i, j) local s = 0 for k = 1, n do s = s + a[i][k] * b[k][j] end return s end)
end
local function det(m)
  local n = #m
  if n == 1 then return m[1][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do local row = {} for j = 1, n do if j ~= c then row[#row + 1] = m[i][j] end end sub[#sub + 1] = row end
    d = d + ((c % 2 == 1) and 1 or -1) * m[1][c] * det(sub)
  end
  return d
end
local a = mat(4, function(i, j) return i + j * 2 end)
local b = mat(4, function(i, j) return (i == j) and 1 or 0 end)
local c = mul(a, b)
print(c[1][1], c[4][4], c[2][3])
local h = mat(5, function(i, j) return 1 / (i + j - 1) end)
print(string.format("%.6e", det(h)))
local m = mat(3, function(i, j) return (i * 7 + j * 3) % 5 end)
print(det(m), det(mul(m, m)))
for _, row in ipairs(mul(m, m)) do print(table.concat(row, " ")) end
