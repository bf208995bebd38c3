-- errors in message handlers and handler receiving non-string values
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function() error("x") end, function(e) error("again") end))
print(xpcall(function() error("x", 0) end, function(e) return e, "second", "third" end))
print(xpcall(function() return nil + 1 end, function(e) return "H:" .. e end))
