-- os.exit(false) exits with failure status 1 and no message
print("about to fail")
os.exit(false)
