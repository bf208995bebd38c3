-- stopped by: memory limit of 64 MiB exceeded
local big = ('y'):rep(1 << 20)
print(#(('x'):rep(1000):gsub('.', big)))
