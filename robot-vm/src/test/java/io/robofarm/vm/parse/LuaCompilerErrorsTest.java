package io.robofarm.vm.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Syntax errors carry exactly the message {@code luac5.4 -p} prints for the same chunk. */
class LuaCompilerErrorsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of("local function f()\n  return 1\n",
                    "chunk.lua:3: 'end' expected (to close 'function' at line 1) near <eof>"),
            Arguments.of("t = {\n1,\n2\n",
                    "chunk.lua:4: '}' expected (to close '{' at line 1) near <eof>"),
            Arguments.of("for i = 1, 2 do\nlocal x = 1\nuntil x",
                    "chunk.lua:3: 'end' expected (to close 'for' at line 1) near 'until'"),
            Arguments.of("x = = 1",
                    "chunk.lua:1: unexpected symbol near '='"),
            Arguments.of("local function f() return 1",
                    "chunk.lua:1: 'end' expected near <eof>"),
            Arguments.of("if x then",
                    "chunk.lua:1: 'end' expected near <eof>"),
            Arguments.of("for i = 1 do end",
                    "chunk.lua:1: ',' expected near 'do'"),
            Arguments.of("for i, j = 1, 2 do end",
                    "chunk.lua:1: 'in' expected near '='"),
            Arguments.of("for 1 = 1, 2 do end",
                    "chunk.lua:1: <name> expected near '1'"),
            Arguments.of("x = 1 +",
                    "chunk.lua:1: unexpected symbol near <eof>"),
            Arguments.of("print(\"a\" \"b\")",
                    "chunk.lua:1: ')' expected near '\"b\"'"),
            Arguments.of("local x <foo> = 1",
                    "chunk.lua:1: unknown attribute 'foo'"),
            Arguments.of("local x <const> = 1; x = 2",
                    "chunk.lua:1: attempt to assign to const variable 'x'"),
            Arguments.of("local x <close>, y <close> = 1, 2",
                    "chunk.lua:1: multiple to-be-closed variables in local list"),
            Arguments.of("goto nowhere",
                    "chunk.lua:1: no visible label 'nowhere' for <goto> at line 1"),
            Arguments.of("do goto l end; do ::l:: end",
                    "chunk.lua:1: no visible label 'l' for <goto> at line 1"),
            Arguments.of("::a:: ::a::",
                    "chunk.lua:1: label 'a' already defined on line 1"),
            Arguments.of("break",
                    "chunk.lua:1: break outside loop at line 1"),
            Arguments.of("do goto l; local x = 1; ::l:: print(x) end",
                    "chunk.lua:1: <goto l> at line 1 jumps into the scope of local 'x'"),
            Arguments.of("local t = {1, 2",
                    "chunk.lua:1: '}' expected near <eof>"),
            Arguments.of("f(",
                    "chunk.lua:1: unexpected symbol near <eof>"),
            Arguments.of("x.y:z",
                    "chunk.lua:1: function arguments expected near <eof>"),
            Arguments.of("x = function(a, 1) end",
                    "chunk.lua:1: <name> or '...' expected near '1'"),
            Arguments.of("return 1; x = 2",
                    "chunk.lua:1: <eof> expected near 'x'"),
            Arguments.of("x = ...\nfunction f() return ... end",
                    "chunk.lua:2: cannot use '...' outside a vararg function near '...'"),
            Arguments.of("while true do end end",
                    "chunk.lua:1: <eof> expected near 'end'"),
            Arguments.of("x = }",
                    "chunk.lua:1: unexpected symbol near '}'"),
            Arguments.of("local 1 = 2",
                    "chunk.lua:1: <name> expected near '1'"),
            Arguments.of("x = 3 + + 4",
                    "chunk.lua:1: unexpected symbol near '+'"),
            Arguments.of("(f)",
                    "chunk.lua:1: syntax error near <eof>"),
            Arguments.of("f() = 1",
                    "chunk.lua:1: syntax error near '='"),
            Arguments.of("a, b() = 1, 2",
                    "chunk.lua:1: syntax error near '='"),
            Arguments.of("local function end",
                    "chunk.lua:1: <name> expected near 'end'"),
            Arguments.of("x = \"abc\\q\"",
                    "chunk.lua:1: invalid escape sequence near '\"abc\\q'"),
            Arguments.of("x = 0x",
                    "chunk.lua:1: malformed number near '0x'"),
            Arguments.of("x = 1e+",
                    "chunk.lua:1: malformed number near '1e+'"),
            Arguments.of("x = 3..4",
                    "chunk.lua:1: malformed number near '3..4'"),
            Arguments.of("x = [=[ abc ]==]",
                    "chunk.lua:1: unfinished long string (starting at line 1) near <eof>"),
            Arguments.of("--[==[ unterminated",
                    "chunk.lua:1: unfinished long comment (starting at line 1) near <eof>"),
            Arguments.of("x = 'abc\ndef'",
                    "chunk.lua:1: unfinished string near ''abc'"),
            Arguments.of("x = \"\\300\"",
                    "chunk.lua:1: decimal escape too large near '\"\\300\"'"),
            Arguments.of("x = \"\\xZZ\"",
                    "chunk.lua:1: hexadecimal digit expected near '\"\\xZ'"),
            Arguments.of("if x then else elseif y then end",
                    "chunk.lua:1: 'end' expected near 'elseif'"),
            Arguments.of("repeat local x = 1 until",
                    "chunk.lua:1: unexpected symbol near <eof>"),
            Arguments.of("function a.b:c.d() end",
                    "chunk.lua:1: '(' expected near '.'"),
            Arguments.of("local x = {[1] 2}",
                    "chunk.lua:1: '=' expected near '2'"),
            Arguments.of("x = #",
                    "chunk.lua:1: unexpected symbol near <eof>"),
            Arguments.of("x = not",
                    "chunk.lua:1: unexpected symbol near <eof>"),
            Arguments.of("return return",
                    "chunk.lua:1: unexpected symbol near 'return'"),
            Arguments.of("local x <const> = {}; x.y = 1; x = 2",
                    "chunk.lua:1: attempt to assign to const variable 'x'"),
            Arguments.of("local a <const> = 1; function f() a = 2 end",
                    "chunk.lua:1: attempt to assign to const variable 'a'"),
            Arguments.of("x = @",
                    "chunk.lua:1: unexpected symbol near '@'"),
            Arguments.of("x = a.1",
                    "chunk.lua:1: unexpected symbol near '.1'"),
            Arguments.of("x = a:b",
                    "chunk.lua:1: function arguments expected near <eof>"),
            Arguments.of("for i = 1, 2, 3, 4 do end",
                    "chunk.lua:1: 'do' expected near ','"),
            Arguments.of("local x = 1 local y = 2 z = x y",
                    "chunk.lua:1: syntax error near <eof>"),
            Arguments.of("repeat goto cont; local x; ::cont:: until x",
                    "chunk.lua:1: <goto cont> at line 1 jumps into the scope of local 'x'"),
            Arguments.of("x = \u0001",
                    "chunk.lua:1: unexpected symbol near '<\\1>'"),
            Arguments.of("x = \"a\\z   \n  b\"\ny = ~= 1",
                    "chunk.lua:3: unexpected symbol near '~='"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=stdin                    | stdin:1: unexpected symbol near '+'",
        "@dir/file.lua             | dir/file.lua:1: unexpected symbol near '+'",
        "+ 1                       | [string \"+ 1\"]:1: unexpected symbol near '+'",
    })
    void messageNamesTheChunkLikeLua(String chunkName, String message) {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile("+ 1", chunkName));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("errors")
    void messageMatchesLua(String source, String message) {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile(source, "@chunk.lua"));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x = = 1                    | 1 | 5",
        "local a = 1\\n  y = ~= 2   | 2 | 7",
        "x = 1\\nx = \"open          | 2 | 5",
        "if x then\\n  y = 1\\n      | 3 | 1",
    })
    void errorCarriesLineAndColumn(String source, int line, int column) {
        String chunk = source.replace("\\n", "\n");
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile(chunk, "@chunk.lua"));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }
}
