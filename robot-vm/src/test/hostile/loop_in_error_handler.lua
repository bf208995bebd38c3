-- stopped by: timeout after 5 s
print(xpcall(error, function()
  local guard <close> = setmetatable({}, {__close = function() while true do end end})
  while true do end
end))
print('survived')
