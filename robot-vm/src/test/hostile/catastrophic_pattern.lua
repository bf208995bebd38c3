-- stopped by: timeout after 5 s
print(pcall(string.find, ('a'):rep(20000), '.-.-.-.-.-b'))
