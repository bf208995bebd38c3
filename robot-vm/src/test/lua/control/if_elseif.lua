-- if/elseif/else chains and nested conditions
local function classify(n)
  if n < 0 then return "negative"
  elseif n == 0 then return "zero"
  elseif n < 10 then
    if n % 2 == 0 then return "small even" else return "small odd" end
  else return "large" end
end
for _, v in ipairs({-5, 0, 3, 4, 100}) do io.write(classify(v), ", ") end print()
if nil then print("no") elseif false then print("no") else print("else branch") end
local x = 5
if x then local x = "shadow"; print(x) end
print(x)
