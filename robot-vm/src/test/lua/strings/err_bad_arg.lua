-- uncaught bad argument error from a library function called in a method
local Obj = {}
Obj.__index = Obj
function Obj.new(s) return setmetatable({s = s}, Obj) end
function Obj:repeated(n)
  return string.rep(self.s, n)
end
print(Obj.new("ab"):repeated(2))
print(Obj.new("ab"):repeated("many"))
