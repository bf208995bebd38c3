package io.robofarm.vm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuaNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.1|0.1",
        "100|100.0",
        "1e100|1e+100",
        "-1e-5|-1e-05",
        "123456789012345|1.2345678901234e+14",
        "99999999999999|99999999999999.0",
        "1e14|1e+14",
        "3.141592653589793|3.1415926535898",
        "0.30000000000000004|0.3",
        "1.7976931348623157e308|1.7976931348623e+308",
        "4.9e-324|4.9406564584125e-324",
        "2e23|2e+23",
    })
    void formatsFloatsAsPercentPoint14g(double value, String expected) {
        assertEquals(expected, LuaNumbers.toString(value));
    }

    @Test
    void formatsSpecialFloatsAsGlibcDoes() {
        assertEquals("inf", LuaNumbers.toString(Double.POSITIVE_INFINITY));
        assertEquals("-inf", LuaNumbers.toString(Double.NEGATIVE_INFINITY));
        assertEquals("-0.0", LuaNumbers.toString(-0.0));
        assertEquals("nan", LuaNumbers.toString(Double.longBitsToDouble(0x7ff8000000000000L)));
        assertEquals("-nan", LuaNumbers.toString(Double.longBitsToDouble(0xfff8000000000000L)));
    }

    @Test
    void parsesIntegersWithWrapAroundForHexAndFloatFallbackForDecimal() {
        assertEquals(16L, LuaNumbers.parse(" 0x10 "));
        assertEquals(-1L, LuaNumbers.parse("0xffffffffffffffff"));
        assertEquals(Long.MAX_VALUE, LuaNumbers.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, LuaNumbers.parse("-9223372036854775808"));
        assertEquals(9.223372036854775808e18, LuaNumbers.parse("9223372036854775808"));
        assertEquals(-9.2233720368547758081e19, LuaNumbers.parse("-92233720368547758081"));
    }

    @Test
    void parsesFloatsIncludingHexadecimalOnes() {
        assertEquals(0.5, LuaNumbers.parse(".5"));
        assertEquals(5.0, LuaNumbers.parse("5."));
        assertEquals(16.0, LuaNumbers.parse("0x1p4"));
        assertEquals(21.0, LuaNumbers.parse("0xA.8p1"));
        assertEquals(100.0, LuaNumbers.parse("1e2"));
    }

    @Test
    void rejectsWhatLuaRejects() {
        for (String text : new String[] {"", " ", "1e", "0x", "inf", "nan", "1f", "1 2", "--1", "0x1p", "1..2"}) {
            assertNull(LuaNumbers.parse(text), text);
        }
    }

    @Test
    void integerArithmeticFollowsLuaFlooring() {
        assertEquals(-4, LuaNumbers.floorDiv(-7L, 2L));
        assertEquals(1, LuaNumbers.floorMod(-7L, 2L));
        assertEquals(Long.MIN_VALUE, LuaNumbers.floorDiv(Long.MIN_VALUE, -1L));
        assertEquals(1.5, LuaNumbers.fmod(-5.5, 3.5));
        assertEquals(-2.0, LuaNumbers.floorDiv(-3.0, 2.0));
    }

    @Test
    void powerFollowsCInsteadOfJavaForOneAndMinusOne() {
        assertEquals(1.0, LuaNumbers.pow(1.0, Double.NaN));
        assertEquals(1.0, LuaNumbers.pow(-1.0, Double.POSITIVE_INFINITY));
        assertEquals(1.0, LuaNumbers.pow(Double.NaN, 0.0));
        assertEquals(8.0, LuaNumbers.pow(2.0, 3.0));
    }

    @Test
    void shiftsBeyondWordSizeGiveZero() {
        assertEquals(0, LuaNumbers.shiftLeft(1, 64));
        assertEquals(Long.MIN_VALUE, LuaNumbers.shiftLeft(1, 63));
        assertEquals(1L << 62, LuaNumbers.shiftLeft(Long.MIN_VALUE, -1));
    }

    @Test
    void comparesIntegersWithFloatsExactly() {
        assertTrue(LuaNumbers.lessThan(Long.MAX_VALUE, 0x1p63));
        assertFalse(LuaNumbers.lessThan((long) 0x1p53 + 1, 0x1p53));
        assertTrue(LuaNumbers.lessEqual(2L, 2.5));
        assertFalse(LuaNumbers.lessThan(2L, Double.NaN));
        assertTrue(LuaNumbers.lessThan(1.5, 2L));
        assertTrue(LuaNumbers.lessEqual(2.0, 2L));
        assertFalse(LuaNumbers.lessEqual(Double.NaN, 2L));
        assertTrue(LuaNumbers.fitsInteger(-0x1p63));
        assertFalse(LuaNumbers.fitsInteger(0x1p63));
        assertNull(LuaNumbers.toIntegerExact(1.5));
    }
}
