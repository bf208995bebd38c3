-- hello: the smallest robot. Greets whoever the parameter 'who' names.
local params = ... or {}
local who = params.who or "world"
print("Hello, " .. who .. "!")
return "greeted " .. who
