-- class hierarchy with inheritance, super calls, __tostring and __eq
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
Animal.__tostring = function(a) return a:kind() .. "<" .. a.name .. ">" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
Dog.__eq = function(a, b) return a.name == b.name end
function Dog.new(name, tricks)
  local d = Animal.new(name, "woof")
  d.tricks = tricks or {}
  return setmetatable(d, Dog)
end
function Dog:kind() return "dog" end
function Dog:speak() return Animal.speak(self) .. " and knows " .. #self.tricks .. " tricks" end
local pets = {Animal.new("Cat", "meow"), Dog.new("Rex", {"sit", "roll"}), Dog.new("Fido")}
for _, p in ipairs(pets) do print(tostring(p), p:speak()) end
print(Dog.new("Rex") == pets[2], Dog.new("Max") == pets[2], getmetatable(pets[3]) == Dog)
print(rawget(Dog, "speak") ~= nil, rawget(Dog, "new") ~= nil, Dog.kind ~= Animal.kind)
