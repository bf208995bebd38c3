-- very long strings: rep, concat, sub, find and patterns on megabytes of data
local s = ("abc"):rep(1000000)
print(#s, s:sub(-3), s:find("cab", 2999990, true))
local t = {}
for i = 1, 100000 do t[i] = "item" .. i end
local joined = table.concat(t, ",")
print(#joined, joined:sub(1, 20))
local count = select(2, joined:gsub(",", ","))
print(count)
local big = ("x"):rep(1 << 20) .. "needle" .. ("y"):rep(1 << 20)
print(#big, big:find("needle"), big:match("x(ne+dle)y"))
print(pcall(string.rep, "x", 1 << 62))
print(pcall(string.rep, "abc", math.maxinteger // 2))
local acc = ""
for i = 1, 2000 do acc = acc .. "z" end
print(#acc)
print(#string.format("%s%s", s, s), s:upper():sub(1, 6), #s:reverse())
