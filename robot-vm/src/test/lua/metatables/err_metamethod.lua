-- uncaught error raised inside an __index metamethod called from a method
local Account = {}
Account.__index = function(self, key)
  error("no such member: " .. key)
end
local function open(acct)
  return acct.balance
end
local a = setmetatable({}, Account)
print(open(a))
