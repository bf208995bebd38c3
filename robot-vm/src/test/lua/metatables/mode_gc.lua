-- __mode and __gc are accepted; weak tables still hold strongly referenced values
local weak = setmetatable({}, {__mode = "k"})
local key = {}
weak[key] = "v"
print(weak[key])
local wv = setmetatable({}, {__mode = "v"})
wv[1] = key
print(wv[1] == key)
local withgc = setmetatable({}, {__gc = function() end})
print(type(withgc))
print(collectgarbage("count") > 0, collectgarbage() , type(collectgarbage("step")), collectgarbage("isrunning"))
