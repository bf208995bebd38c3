-- os.exit with a status ends the script immediately
print("before exit")
io.write("flushed\n")
os.exit(3)
print("never printed")
