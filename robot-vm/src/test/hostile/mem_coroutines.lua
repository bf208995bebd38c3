-- stopped by: memory limit of 64 MiB exceeded
collectgarbage('stop')
local hoard = {}
while true do
  local co = coroutine.create(function(...) coroutine.yield(...) end)
  coroutine.resume(co, ('x'):rep(100) .. #hoard)
  hoard[#hoard + 1] = co
end
