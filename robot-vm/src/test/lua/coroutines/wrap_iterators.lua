-- coroutine-based iterators over trees and ranges
local function inorder(t)
  return coroutine.wrap(function()
    local function walk(n) if n then walk(n.l); coroutine.yield(n.v); walk(n.r) end end
    walk(t)
  end)
end
local root
local function insert(n, v)
  if not n then return {v = v} end
  if v < n.v then n.l = insert(n.l, v) else n.r = insert(n.r, v) end
  return n
end
for _, v in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 65}) do root = insert(root, v) end
local out = {}
for v in inorder(root) do out[#out + 1] = v end
print(table.concat(out, " "))
local function chunks(s, n)
  return coroutine.wrap(function() for i = 1, #s, n do coroutine.yield(i, s:sub(i, i + n - 1)) end end)
end
for i, c in chunks("abcdefghij", 3) do io.write(i, "=", c, " ") end print()
