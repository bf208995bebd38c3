-- upper, lower, rep with separators, reverse
print(("MiXeD 123 äb"):upper(), ("MiXeD 123"):lower())
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("ab"):rep(0), ("ab"):rep(-1), ("ab"):rep(1, "-"), ("x"):rep(0, "sep") == "")
print(("hello"):reverse(), (""):reverse(), ("a\0b"):reverse() == "b\0a")
print(pcall(string.rep))
print(pcall(string.rep, "x", 1e100))
print(#string.rep("abc", 1000, ","))
