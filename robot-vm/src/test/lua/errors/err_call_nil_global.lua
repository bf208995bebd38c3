-- calling an undefined global function from inside a loop
for i = 1, 3 do
  if i == 2 then undefined_function(i) end
  print(i)
end
