-- goto to break out of nested loops and to implement redo-style retries
local found
for i = 1, 10 do
  for j = 1, 10 do
    if i * j == 42 then found = i .. "x" .. j; goto done end
  end
end
::done::
print(found)
local attempts = 0
::retry::
attempts = attempts + 1
if attempts < 3 then goto retry end
print("attempts", attempts)
do
  local i = 0
  ::loop::
  i = i + 1
  if i % 2 == 0 then goto loop end
  if i < 7 then io.write(i, " ") goto loop end
  print()
end
