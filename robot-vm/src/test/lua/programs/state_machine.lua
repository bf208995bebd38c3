-- a table-driven state machine tokenizing arithmetic expressions and evaluating them
local function tokenize(s)
  local tokens, i = {}, 1
  while i <= #s do
    local c = s:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then
      local num = s:match("^%d+%.?%d*", i)
      tokens[#tokens + 1] = {k = "num", v = tonumber(num)}
      i = i + #num
    elseif c:match("[%+%-%*/%^%(%)]") then tokens[#tokens + 1] = {k = c}; i = i + 1
    else error("bad char " .. c) end
  end
  return tokens
end
local prec = {["+"] = {1, 1}, ["-"] = {1, 1}, ["*"] = {2, 2}, ["/"] = {2, 2}, ["^"] = {4, 3}}
local function parse(tokens)
  local pos = 1
  local expr
  local function primary()
    local t = tokens[pos]; pos = pos + 1
    if t.k == "num" then return t.v end
    if t.k == "-" then return -expr(3) end
    if t.k == "(" then local v = expr(0); pos = pos + 1; return v end
    error("unexpected " .. t.k)
  end
  function expr(limit)
    local left = primary()
    while tokens[pos] and prec[tokens[pos].k] and prec[tokens[pos].k][1] > limit do
      local op = tokens[pos].k; pos = pos + 1
      local right = expr(prec[op][2])
      if op == "+" then left = left + right elseif op == "-" then left = left - right
      elseif op == "*" then left = left * right elseif op == "/" then left = left / right
      else left = left ^ right end
    end
    return left
  end
  return expr(0)
end
for _, e in ipairs({"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4 - 1", "7 - 3 - 2", "1.5 * (2 + 2.5)"}) do
  print(e, "=", parse(tokenize(e)))
end
print(pcall(tokenize, "1 + x"))
