package io.robofarm.vm.stdlib.string;

import static io.robofarm.vm.stdlib.string.LuaSnippets.error;
import static io.robofarm.vm.stdlib.string.LuaSnippets.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small string functions, the string metatable and its arithmetic; expected values are lua5.4's. */
class StringLibTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "return ('abc'):byte(-1), ('abc'):byte(10), ('abc'):byte(1, 0)      | 99\tnil",
        "return ('abc'):byte(-10, 10)                                        | 97\t98\t99",
        "return string.char(104, 105), #string.char(0, 255)                  | hi\t2",
        "return ('hello'):sub(2, -2), ('hello'):sub(-100, 100), ('hello'):sub(0) | ell\thello\thello",
        "return ('hello'):sub(4, 2) == '', ('hello'):sub(math.mininteger, math.maxinteger) | true\thello",
        "return ('Hello'):upper(), ('Hello'):lower(), ('Hello'):reverse()    | HELLO\thello\tolleH",
        "return ('\\200a'):upper() == '\\200A', string.len(123)              | true\t3",
        "return string.rep('ab', 3, ', '), string.rep('x', 0), string.rep('x', -1) | 'ab, ab, ab\t\t'",
        "return string.rep('', 2^62), string.rep('x', 1, 'sep')             | '\tx'",
        "return ('%d'):rep(3, ' '):format(1, 2, 3)                           | 1 2 3",
        "return getmetatable('').__index == string                           | true",
    })
    void behavesAsLua(String chunk, String expected) {
        assertEquals(expected, eval(chunk));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "bad argument #1 to 'byte' (string expected, got no value)   | return string.byte()",
        "bad argument #2 to 'byte' (number has no integer representation) | return string.byte('a', 1.5)",
        "bad argument #1 to 'char' (value out of range)              | return string.char(256)",
        "bad argument #2 to 'sub' (number expected, got no value)    | return string.sub('x')",
        "resulting string too large                                  | return string.rep('x', 2^31)",
        "resulting string too large                                  | return string.rep('ab', 2^40, ',')",
    })
    void checksArguments(String message, String chunk) {
        assertEquals("test:1: " + message, error(chunk));
    }

    @Test
    void stringMetamethodsCoerceNumericStrings() {
        assertEquals("11\t26\t7.0\t3\t-1\t8.0\t3.5\t-2\t-2.5", eval(
                "return '10' + 1, '10' + '0x10', '3.5' * '2', '7' // '2', '7' % '-2', '2' ^ '3', '7' / '2', -'2', -'2.5'"));
        assertEquals("mt:stringtable", eval(
                "return getmetatable('').__add('a', setmetatable({}, {__add = function(a, b) return 'mt:' .. type(a) .. type(b) end}))"));
    }

    @Test
    void stringMetamethodsReportWhatCannotBeAdded() {
        assertEquals("test:1: attempt to add a 'string' with a 'number'", error("return getmetatable('').__add('abc', 1)"));
        assertEquals("test:1: attempt to unm a 'string' with a 'string'", error("return getmetatable('').__unm('x', 'x')"));
        assertEquals("attempt to perform 'n%0'", error("return getmetatable('').__mod('1', '0')"));
    }
}
