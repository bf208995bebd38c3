-- exponentiation is always float, right associative; unary minus precedence
print(2^10, 2^-1, (-2)^2, -2^2, 2^3^2, 2^0.5 == math.sqrt(2))
print(-3 % 5, (-3) % 5, - -3, not 1 == 2)
print(10 - 2 - 3, 2 * 3 % 4, 1 .. 2 .. 3, "a" .. "b" == "ab")
print(1 + 2 * 3 ^ 2 // 4, 7 // 2 * 2 + 7 % 2)
print(1 << 2 + 1, 1 | 2 & 3, 5 ~ 3 | 8, 3 < 5 == true)
print(#"abc" + 1, -#"ab", ~#"a")
