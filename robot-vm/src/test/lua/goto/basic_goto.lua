-- goto forward and backward, continue idiom, labels at block ends
local i = 1
::top::
if i <= 3 then io.write(i, " "); i = i + 1; goto top end
print()
for j = 1, 5 do
  if j % 2 == 0 then goto continue end
  io.write(j, " ")
  ::continue::
end
print()
do
  goto skip
  print("skipped")
  ::skip::
end
print("after skip")
local n = 0
while true do
  n = n + 1
  if n == 3 then goto out end
end
::out::
print("out at", n)
