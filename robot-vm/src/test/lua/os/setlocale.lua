-- os.setlocale: the C locale is always in effect; other locales are reported as unavailable
print(os.setlocale(), os.setlocale(nil, "numeric"), os.setlocale("C"), os.setlocale("POSIX"))
print(os.setlocale("pt_BR"), os.setlocale("no_SUCH.locale", "time"), os.setlocale("C", "all"))
print(os.setlocale(nil, "collate"), os.setlocale(nil, "ctype"), os.setlocale(nil, "monetary"))
print(pcall(os.setlocale, "C", "bogus"))
print(pcall(os.setlocale, {}))
print(string.format("%.2f", 3.14159), tonumber("3,5"), tonumber("3.5"))
