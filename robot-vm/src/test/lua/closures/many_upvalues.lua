-- a closure using many upvalues from different levels
local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
local function outer()
  local b1, b2, b3, b4, b5 = 100, 200, 300, 400, 500
  return function()
    local function innermost()
      return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + b1 + b2 + b3 + b4 + b5
    end
    a1 = a1 + 1000
    return innermost()
  end
end
local f = outer()
print(f(), f(), a1)
