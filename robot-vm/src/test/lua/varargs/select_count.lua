-- select('#') counts trailing nils; varargs adjust in calls and constructors
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(count(pass(1, nil, nil)), count((pass(1, 2, 3))), count(pass(), pass()))
local function tbl(...) local t = {...}; return #t, t[1], t[3] end
print(tbl(1, 2, 3), tbl())
local function first(...) local a = ...; return a end
print(first(9, 8, 7), first())
local function mid(...) return 0, ..., 4 end
print(mid(1, 2, 3))
print(count(mid(1, 2, 3)))
