-- require errors: missing modules, syntax errors and runtime errors in modules
package.path = "./?.lua"
package.cpath = ""
package.searchers[4] = nil
package.searchers[3] = nil
print(pcall(require, "require.lib.missing"))
print(pcall(require, "require.lib.broken"))
print(pcall(require, "require.lib.failing"))
print(package.loaded["require.lib.failing"])
print(pcall(require))
print(pcall(require, {}))
