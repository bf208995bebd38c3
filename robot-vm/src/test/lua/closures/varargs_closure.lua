-- closures capturing values derived from varargs and parameters
local function bind(f, ...)
  local args = table.pack(...)
  return function(...)
    local all = {table.unpack(args, 1, args.n)}
    local extra = table.pack(...)
    for i = 1, extra.n do all[args.n + i] = extra[i] end
    return f(table.unpack(all, 1, args.n + extra.n))
  end
end
local add3 = bind(function(a, b, c) return a + b + c end, 1, 2)
print(add3(3), add3(10))
local p = bind(print, "bound", nil)
p("x", nil)
local function compose(...)
  local fs = {...}
  return function(x) for i = #fs, 1, -1 do x = fs[i](x) end return x end
end
print(compose(function(x) return x + 1 end, function(x) return x * 2 end)(5))
