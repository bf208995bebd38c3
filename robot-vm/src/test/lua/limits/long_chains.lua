-- long but flat programs compile and run: left-associative chains, long statement lists
print(load("return " .. ("1 + "):rep(100000) .. "1")())
print(load("return " .. ("2 * "):rep(60) .. "1")())
local stmts = {}
for i = 1, 20000 do stmts[i] = "x = x + " .. i end
print(load("local x = 0 " .. table.concat(stmts, "; ") .. " return x")())
local fields = {}
for i = 1, 50000 do fields[i] = i end
local t = load("return {" .. table.concat(fields, ",") .. "}")()
print(#t, t[50000])
local keyed = {}
for i = 1, 5000 do keyed[i] = "k" .. i .. " = " .. i end
local kt = load("return {" .. table.concat(keyed, ", ") .. "}")()
print(kt.k1, kt.k5000)
local s = load("return '" .. ("x"):rep(100000) .. "'")()
print(#s)
