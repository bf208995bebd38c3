-- an uncaught error raised inside a required module
package.path = "./?.lua"
package.cpath = ""
package.searchers[4] = nil
package.searchers[3] = nil
print("loading")
require("require.lib.failing")
