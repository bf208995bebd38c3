-- escaping magic characters and matching binary data
local magic = "^$()%.[]*+-?"
print((magic:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")))
print(("a.b"):gsub("%.", "/"), ("1+1=2"):find("1+1", 1, true), ("x%y"):gsub("%%", "pct"))
print(("a\0b\0c"):gsub("%z", "0"))
print(("a\0b"):find("\0", 1, true), ("a\0b"):match("(.)%z?(.)"))
print(("\200\201"):match("[\200-\210]+") == "\200\201")
