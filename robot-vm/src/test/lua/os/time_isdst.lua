-- os.time with an explicit isdst: a wall time given with the wrong daylight-saving flag is read
-- with the other offset, one hour apart (glibc's mktime), whatever the local zone
for _, month in ipairs({1, 6}) do
  local summer = os.time({year = 2000, month = month, day = 15, hour = 12, isdst = true})
  local winter = os.time({year = 2000, month = month, day = 15, hour = 12, isdst = false})
  local unspecified = os.time({year = 2000, month = month, day = 15, hour = 12})
  print(month, winter - summer, unspecified == summer or unspecified == winter)
end
local t = {year = 2000, month = 3, day = 1, hour = 12, isdst = "yes"}
print(os.time(t) == os.time({year = 2000, month = 3, day = 1, hour = 12, isdst = true}), type(t.isdst))
print(os.date("!%Z", 0), os.date("!%H:%M %p", 3600 * 13))
