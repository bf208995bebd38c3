-- stopped by: memory limit of 64 MiB exceeded
local piece = ('-'):rep(1 << 20)
print(load(function() return piece end))
