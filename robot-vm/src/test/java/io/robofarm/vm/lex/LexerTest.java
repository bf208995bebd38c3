package io.robofarm.vm.lex;

import io.robofarm.vm.parse.LuaSyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LexerTest {

    private static List<Token> tokens(String source) {
        Lexer lexer = new Lexer(source, "=t");
        List<Token> out = new ArrayList<>();
        do {
            lexer.next();
            out.add(lexer.token());
        } while (lexer.token() != Token.EOS);
        return out;
    }

    private static Lexer first(String source) {
        Lexer lexer = new Lexer(source, "=t");
        lexer.next();
        return lexer;
    }

    private static String string(String source) {
        Lexer lexer = first(source);
        assertEquals(Token.STRING, lexer.token());
        return lexer.stringValue();
    }

    @Test
    void symbolsAndKeywords() {
        assertEquals(List.of(Token.LOCAL, Token.NAME, Token.ASSIGN, Token.NAME, Token.IDIV, Token.INT,
                Token.CONCAT, Token.DOTS, Token.DBCOLON, Token.SHL, Token.SHR, Token.NE, Token.EQ,
                Token.LE, Token.GE, Token.TILDE, Token.EOS),
                tokens("local x = y // 2 .. ... :: << >> ~= == <= >= ~"));
    }

    @Test
    void commentsAreSkipped() {
        assertEquals(List.of(Token.NAME, Token.NAME, Token.EOS),
                tokens("a -- line comment\n--[==[ long\n]] still ]==] b --[ not long"));
    }

    @Test
    void escapes() {
        assertEquals("\u0007\b\f\n\r\t\u000b\\\"'", string("'\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\''"));
        assertEquals("AB\u0000z", string("\"\\x41\\66\\0z\""));
        assertEquals("ab", string("\"a\\z  \n\t  b\""));
        assertEquals("a\nb", string("\"a\\\r\nb\""));
    }

    @Test
    void utf8EscapesUseLuaEncodingUpTo2Pow31() {
        assertEquals("\u00e2\u0082\u00ac", string("\"\\u{20AC}\""));
        assertEquals("\u00fd\u00bf\u00bf\u00bf\u00bf\u00bf", string("\"\\u{7FFFFFFF}\""));
    }

    @Test
    void longStringsSkipFirstNewlineAndNormalizeLineBreaks() {
        assertEquals("x\ny\n", string("[==[\r\nx\r\ny\n\r]==]"));
    }

    @Test
    void numerals() {
        assertEquals(255L, first("0xff").numberValue());
        assertEquals(-1L, first("0xffffffffffffffff").numberValue());
        assertEquals(3.0, first("3.").numberValue());
        assertEquals(0.5, first(".5").numberValue());
        assertEquals(1.5, first("0x1.8p0").numberValue());
        assertEquals(9.223372036854775807E18, first("9223372036854775808").numberValue());
    }

    @Test
    void linesCountEveryNewlineConvention() {
        Lexer lexer = new Lexer("a\r\nb\n\rc\r\rd\n\ne", "=t");
        int[] expected = {1, 2, 3, 5, 7};
        for (int line : expected) {
            lexer.next();
            assertEquals(line, lexer.line());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "x = \"abc                 | t:1: unfinished string near <eof>",
        "x = 'a\\qb'               | t:1: invalid escape sequence near ''a\\q'",
        "x = \"\\x4g\"             | t:1: hexadecimal digit expected near '\"\\x4g'",
        "x = \"\\u{110000000}\"    | t:1: UTF-8 value too large near '\"\\u{110000000'",
        "x = \"\\300\"             | t:1: decimal escape too large near '\"\\300\"'",
        "x = \"\\u12\"             | t:1: missing '{' near '\"\\u1'",
        "x = \"\\u{12\"            | t:1: missing '}' near '\"\\u{12\"'",
        "x = [==[ abc              | t:1: unfinished long string (starting at line 1) near <eof>",
        "--[[ abc                  | t:1: unfinished long comment (starting at line 1) near <eof>",
        "x = [=abc                 | t:1: invalid long string delimiter near '[='",
        "x = 3x                    | t:1: malformed number near '3x'",
        "x = 0x                    | t:1: malformed number near '0x'",
        "x = 3..2                  | t:1: malformed number near '3..2'",
    })
    void errorsReadLikeLua(String source, String message) {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> tokens(source));
        assertEquals(message, e.getMessage());
    }
}
