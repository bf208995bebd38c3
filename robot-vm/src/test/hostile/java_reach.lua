-- stopped by: attempt to index a nil value (global 'java')
print(luajava, package, rawget(_G, 'java'))
local System = java.lang.System
