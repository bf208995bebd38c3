-- stopped by: memory limit of 64 MiB exceeded
print(pcall(string.rep, 'x', 1 << 40))
print(pcall(string.rep, 'ab', 1e9, ','))
