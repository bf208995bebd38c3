-- Float arithmetic in numeric loops: a Leibniz series and a damped oscillator.
local n = tonumber(arg and arg[1]) or 30000000

local pi, sign = 0.0, 1.0
for k = 0, n - 1 do
  pi = pi + sign / (2 * k + 1)
  sign = -sign
end

local x, v, dt = 1.0, 0.0, 1e-4
for _ = 1, n // 2 do
  local a = -x - 0.1 * v
  v = v + a * dt
  x = x + v * dt
end
print(("%.10f %.6e %.6e"):format(4 * pi, x, v))
