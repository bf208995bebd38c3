-- an uncaught error for a module that does not exist
package.path = "./?.lua"
package.cpath = ""
package.searchers[4] = nil
package.searchers[3] = nil
local json = require("require.lib.json_missing")
