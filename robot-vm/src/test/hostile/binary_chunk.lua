-- stopped by: precompiled chunks are not supported
assert(load('\27Lua\84\0', 'evil', 'b'))()
