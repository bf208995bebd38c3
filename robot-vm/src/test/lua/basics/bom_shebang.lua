#!/usr/bin/env lua -- a UTF-8 byte-order mark and a shebang line are both skipped
print("after bom and shebang")
print(select(2, pcall(function() error("line numbers still count the first line") end)))
print(dofile and "ok")
