-- edge cases of string to number conversion
local cases = {"0x7fffffffffffffff", "0x8000000000000000", "0x1ffffffffffffffff", "1e308", "1e309", "-1e309",
  "0x1P-2", "0X1p+2", ".5", "5.", ".", "0x.8", "1_000", "١", "\t\n10\v\f\r", "- 1", "--1", "+1", "+-1",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "0e0", "1e+", "infinity"}
for _, s in ipairs(cases) do
  local n = tonumber(s)
  print(string.format("%q", s), n, math.type(n))
end
