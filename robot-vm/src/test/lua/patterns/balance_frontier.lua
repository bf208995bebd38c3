-- %b balanced matches and %f frontiers
print(("f(a(b)c) g(d)"):match("%b()"), ("{x{y}}"):match("%b{}"), ("(unbalanced"):match("%b()"))
for w in ("THE (quick) fox"):gmatch("%f[%a]%a+") do io.write(w, ";") end print()
print(("THE (quick) fox"):gsub("%f[%w]%w+", "<%0>"))
print(("hello world"):find("%f[%w]world"), ("helloworld"):find("%f[%w]world"))
print(("key1=val1, key2=val2"):gsub("%f[%w](%w+)=", "[%1]="))
print(("aXb"):match("%f[%u]."), ("ABC"):match("%f[%l]"), ("abc"):find("%f[%z]"))
print(pcall(string.find, "x", "%f"))
print(pcall(string.find, "x", "%b"))
