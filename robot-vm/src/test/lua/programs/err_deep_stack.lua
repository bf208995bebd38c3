-- an uncaught error raised from a recursive function twelve frames deep
local function walk(node, depth)
  if node.children == nil then
    error(string.format("leaf without children at depth %d", depth))
  end
  for _, child in ipairs(node.children) do walk(child, depth + 1) end
end
local tree = {children = {}}
local cur = tree
for i = 1, 10 do
  local nxt = {children = {}}
  cur.children[1] = nxt
  cur = nxt
end
cur.children[1] = {}
walk(tree, 0)
