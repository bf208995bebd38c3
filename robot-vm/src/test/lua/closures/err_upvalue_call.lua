-- uncaught error calling a nil upvalue from a nested closure
local callback
local function make()
  return function(x) return callback(x) end
end
make()(1)
