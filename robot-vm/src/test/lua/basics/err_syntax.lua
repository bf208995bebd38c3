-- a script with a syntax error: the CLI reports it without running anything
print("never runs")
local x = = 2
