-- several closures share one upvalue, also after the enclosing function returned
local function make()
  local v = 1
  local function get() return v end
  local function set(x) v = x end
  local function nested() return function() v = v * 2; return v end end
  return get, set, nested()
end
local get, set, dbl = make()
set(5)
print(get(), dbl(), get(), dbl(), get())
local a = 1
local f = function() return a end
a = 2
print(f())
local x = 0
local function level1()
  local function level2()
    local function level3() x = x + 1; return x end
    return level3()
  end
  return level2()
end
print(level1(), level1(), x)
