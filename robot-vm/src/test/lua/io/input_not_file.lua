-- io.input / io.output accept a file or a file name, anything else is a type error
local XX = setmetatable({}, {__name = "My Type"})
print(pcall(io.input, XX))
print(pcall(io.output, {}))
print(pcall(io.output, true))
print(io.input(io.stdin) == io.stdin, io.output() == io.stdout, pcall(io.input, "no-such-file") == false)
