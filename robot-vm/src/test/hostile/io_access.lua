-- stopped by: attempt to index a nil value (global 'io')
print(io.open('/etc/passwd'):read('a'))
