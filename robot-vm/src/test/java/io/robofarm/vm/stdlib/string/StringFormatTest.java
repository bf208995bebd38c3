package io.robofarm.vm.stdlib.string;

import static io.robofarm.vm.stdlib.string.LuaSnippets.error;
import static io.robofarm.vm.stdlib.string.LuaSnippets.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** string.format beyond the numeric conversions: text, %q, argument checks; expected values are lua5.4's. */
class StringFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "return string.format('%5.2s|%-4s|%.0s|', 'abc', 'ab', 'x')             => '   ab|ab  ||'",
        "return string.format('%s %s %s', 1, 1.5, nil)                          => '1 1.5 nil'",
        "return string.format('%s', setmetatable({}, {__tostring = function() return 'T' end})) => 'T'",
        "return string.format('%c%c%-3c|', 72, 256 + 105, 33)                   => 'Hi!  |'",
        "return string.format('%d%% %i', 50, 3.0)                               => '50% 3'",
        "return string.format('%x %d', '255', '0x10')                           => 'ff 16'",
        "return string.format('%q', 1.0)                                        => '0x1p+0'",
        "return string.format('%q %q %q', 1/0, -1/0, math.mininteger)           => '1e9999 -1e9999 0x8000000000000000'",
        "return string.format('%q %q %q', 0/0, nil, false)                      => '(0/0) nil false'",
    })
    void formatsValues(String chunk, String expected) {
        assertEquals(expected, eval(chunk));
    }

    @Test
    void quotesStringsSoTheyReadBack() {
        assertEquals("\"a\\\nb\\\"\\\\\\13\\0\\0001\\127\u00ff\"",
                eval("return string.format('%q', 'a\\nb\"\\\\\\r\\0\\0' .. '1\\127\\255')"));
        assertEquals("true", eval("local s = 'x\\0\\1\\2y\\n\\200' return load('return ' .. ('%q'):format(s))() == s"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "invalid conversion '%y' to 'format'                               | return string.format('%y', 1)",
        "invalid conversion '%F' to 'format'                               | return string.format('%F', 1)",
        "invalid conversion specification: '%100d'                         | return string.format('%100d', 1)",
        "invalid conversion specification: '%#d'                           | return string.format('%#d', 1)",
        "invalid conversion specification: '%.3c'                          | return string.format('%.3c', 65)",
        "invalid format (too long)                                         | return string.format('%0000000000000000000001d', 1)",
        "specifier '%q' cannot have modifiers                              | return string.format('%10q', 'a')",
        "bad argument #2 to 'format' (number has no integer representation) | return string.format('%d', 1.5)",
        "bad argument #2 to 'format' (number expected, got string)         | return string.format('%f', 'x')",
        "bad argument #3 to 'format' (no value)                            | return string.format('%d %d', 1)",
        "bad argument #2 to 'format' (string contains zeros)               | return string.format('%5s', 'a\\0')",
        "bad argument #2 to 'format' (value has no literal form)           | return string.format('%q', {})",
    })
    void rejectsBadSpecificationsAndArguments(String message, String chunk) {
        assertEquals("test:1: " + message, error(chunk));
    }
}
