-- os.time with a table and os.date with a fixed time in UTC
local t = os.time({year = 2024, month = 2, day = 29, hour = 12, min = 30, sec = 15})
local t2 = os.time({year = 2024, month = 3, day = 1, hour = 12, min = 30, sec = 15})
print(math.type(t), t2 - t, os.difftime(t2, t), math.type(os.difftime(t2, t)))
local fixed = 1700000000
print(os.date("!%Y-%m-%d %H:%M:%S", fixed))
print(os.date("!%y %j %a %A %b %B %p %I %w %%", fixed))
print(os.date("!%c", 0))
print(os.date("!%x %X %D %e %R %T %u %V %G %g %h %n %t|", fixed))
local d = os.date("!*t", fixed)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
local norm = os.date("*t", os.time({year = 2023, month = 14, day = 35, hour = 0}))
print(norm.year, norm.month, norm.day)
local rt = os.date("*t", t)
print(rt.year, rt.month, rt.day, rt.hour, rt.min, rt.sec)
print(os.time({year = 2000, month = 1, day = 1, hour = 0}) < os.time({year = 2000, month = 1, day = 2, hour = 0}))
print(pcall(os.time, {year = 2000}))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "%", 0))
print(os.date("!%H", 3600 * 5), os.date("!", 0) == "")
