package io.robofarm.vm.stdlib.string;

import static io.robofarm.vm.stdlib.string.LuaSnippets.error;
import static io.robofarm.vm.stdlib.string.LuaSnippets.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** string.pack, unpack and packsize; expected values are lua5.4's. */
class StringPackingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "return string.pack('>i4<i4', 1, 1):byte(1, -1)                     | 0\t0\t0\t1\t1\t0\t0\t0",
        "return string.pack('!i1i8', 1, 2):len()                             | 16",
        "return string.pack('<!4 i1 Xi8 i2', 1, 2):byte(1, -1)              | 1\t0\t0\t0\t2\t0",
        "return string.pack('s1z', 'ab', 'cd'):byte(1, -1)                   | 2\t97\t98\t99\t100\t0",
        "return string.unpack('bBhHlLjJTfdn', string.pack('bBhHlLjJTfdn', -1, 2, -3, 4, 5, 6, 7, 8, 9, 1.5, 2.5, 3.5)) | -1\t2\t-3\t4\t5\t6\t7\t8\t9\t1.5\t2.5\t3.5\t67",
        "return string.unpack('<i16', string.pack('<i16', -2))               | -2\t17",
        "return string.unpack('>I9', ('\\0'):rep(8) .. '\\255')              | 255\t10",
        "return string.unpack('z', 'abc\\0def\\0', 5)                        | def\t9",
        "return string.unpack('i4', 'abcd', -4)                              | 1684234849\t5",
        "return string.packsize('i4i8!4d')                                   | 20",
        "return string.packsize('!xi16')                                     | 24",
    })
    void packsAndUnpacks(String chunk, String expected) {
        assertEquals(expected, eval(chunk));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "bad argument #2 to 'pack' (integer overflow)                          | return string.pack('i3', 2^23)",
        "bad argument #2 to 'pack' (unsigned overflow)                         | return string.pack('I1', -1)",
        "integral size (17) out of limits [1,16]                               | return string.pack('i17', 1)",
        "invalid format option 'y'                                             | return string.pack('y')",
        "missing size for format option 'c'                                    | return string.pack('c', 'a')",
        "bad argument #1 to 'pack' (format asks for alignment not power of 2)  | return string.pack('!3i', 1)",
        "bad argument #1 to 'pack' (invalid next option for option 'X')       | return string.pack('Xc1')",
        "bad argument #2 to 'pack' (string longer than given size)             | return string.pack('c2', 'abc')",
        "bad argument #2 to 'pack' (string contains zeros)                     | return string.pack('z', 'a\\0')",
        "bad argument #2 to 'pack' (number expected, got nil)                  | return string.pack('i4')",
        "bad argument #2 to 'unpack' (data string too short)                   | return string.unpack('i4', 'abc')",
        "bad argument #2 to 'unpack' (unfinished string for format 'z')        | return string.unpack('z', 'abc')",
        "bad argument #3 to 'unpack' (initial position out of string)          | return string.unpack('i4', 'abcd', 10)",
        "9-byte integer does not fit into Lua Integer                          | return string.unpack('i9', ('\\255'):rep(8) .. '\\1')",
        "bad argument #1 to 'packsize' (variable-length format)                | return string.packsize('s')",
        "bad argument #1 to 'packsize' (format result too large)               | return string.packsize(('c214748364'):rep(11))",
    })
    void reportsErrorsAsLua(String message, String chunk) {
        assertEquals("test:1: " + message, error(chunk));
    }
}
