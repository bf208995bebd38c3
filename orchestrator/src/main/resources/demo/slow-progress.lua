-- slow-progress: a long-running robot that reports its progress, to watch a run live.
-- time.sleep parks the robot: while it waits it holds no thread of the farm.
local time = require("time")
local log = require("log")
local params = ... or {}
local steps = params.steps or 5
local stepSeconds = params.stepSeconds or 1

log.info("starting %d steps of %.1f s", steps, stepSeconds)
for step = 1, steps do
  time.sleep(stepSeconds * 1000)
  log.info("step %d of %d done (%d%%)", step, steps, step * 100 // steps)
end
return steps
