-- package.preload, custom searchers and package.searchpath
package.path = "./?.lua"
package.cpath = ""
package.searchers[4] = nil
package.searchers[3] = nil
package.preload["virtual"] = function(name, extra) return {from = "preload", name = name, extra = extra} end
local v = require("virtual")
print(v.from, v.name, v.extra)
print(package.searchpath("require.lib.counter", package.path))
print(package.searchpath("nope", "./?.lua;./?/init.lua"))
print(package.searchpath("a.b", "x/?.y", ".", "_"))
table.insert(package.searchers, 2, function(name)
  if name:match("^gen%.") then return function(n, x) return "generated " .. n .. " " .. x end, "extra-data" end
  return "\n\tno generator for '" .. name .. "'"
end)
print(require("gen.thing"))
print(pcall(require, "unknown.mod"))
print(type(package.searchers), #package.searchers, package.config:sub(1, 1))
