-- os.exit(true) exits with success, output is flushed
io.write("partial line")
os.exit(true)
