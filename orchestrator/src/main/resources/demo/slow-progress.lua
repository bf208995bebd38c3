-- slow-progress: a long-running robot that reports its progress, to watch a run live.
-- It waits by spinning on os.clock until the VM's sleep module lands (issue 3); then each step
-- becomes require("sleep")(seconds) and the farm's threads stay free while it waits.
local params = ... or {}
local steps = params.steps or 5
local stepSeconds = params.stepSeconds or 0.5

local function wait(seconds)
  local deadline = os.clock() + seconds
  while os.clock() < deadline do
  end
end

print(string.format("starting %d steps of %.1f s", steps, stepSeconds))
for step = 1, steps do
  wait(stepSeconds)
  print(string.format("step %d of %d done (%d%%)", step, steps, step * 100 // steps))
end
return steps
