-- require loads a module once, caches it in package.loaded and passes name and path
package.path = "./?.lua"
package.cpath = ""
package.searchers[4] = nil
package.searchers[3] = nil
local m, extra = require("require.lib.counter")
print(type(m), m.name, m.path, extra, m.double(4), loads)
local again = require("require.lib.counter")
print(again == m, loads, package.loaded["require.lib.counter"] == m)
print(require("require.lib.uses_other").value, loads)
print(require("require.lib.noreturn"), sideeffect, package.loaded["require.lib.noreturn"])
package.loaded["require.lib.counter"] = nil
local fresh = require("require.lib.counter")
print(fresh ~= m, loads)
print(require("string") == string, package.loaded._G == _G, package.loaded.math == math)
