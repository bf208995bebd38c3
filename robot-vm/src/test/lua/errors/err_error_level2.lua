-- uncaught error with level 2 blames the caller's line
local function validate(v)
  if type(v) ~= "string" then
    error("validate: string expected", 2)
  end
  return v
end
local function run()
  validate("ok")
  validate(42)
end
run()
