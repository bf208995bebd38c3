package io.robofarm.vm.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Lua 5.4's number rules in one place: string to number conversion, the {@code %.14g} text of
 * floats, and the integer/float operations whose semantics differ from Java's operators.
 *
 * <p>The lexer, the interpreter's coercions, {@code tonumber} and {@code tostring} all go through
 * this class, so a numeral means the same thing wherever it appears.
 */
public final class LuaNumbers {

    /**
     * Lua's binary arithmetic operations, numbered in the order of its opcodes (OP_ADD..OP_SHR)
     * and metamethod events (__add..__shr), so callers can map their own operators by position.
     */
    public static final int ADD = 0, SUB = 1, MUL = 2, MOD = 3, POW = 4, DIV = 5, IDIV = 6, BAND = 7, BOR = 8,
            BXOR = 9, SHL = 10, SHR = 11;

    private static final MathContext FOURTEEN_DIGITS = new MathContext(14, RoundingMode.HALF_EVEN);
    private static final double TWO_POW_63 = 0x1p63;

    private LuaNumbers() {
    }

    /**
     * Converts a string to a number as {@code lua_stringtonumber} does: surrounding whitespace is
     * ignored, decimal and hexadecimal integers (hexadecimal ones wrap around), decimal and
     * hexadecimal floats; a decimal integer too large for 64 bits becomes a float.
     *
     * @return a {@link Long}, a {@link Double}, or {@code null} when the text is not a numeral
     */
    public static Object parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        Long integer = parseInteger(text, start, end);
        if (integer != null) {
            return integer;
        }
        return parseFloat(text, start, end);
    }

    private static Long parseInteger(String s, int pos, int end) {
        boolean negative = false;
        char sign = s.charAt(pos);
        if (sign == '-' || sign == '+') {
            negative = sign == '-';
            pos++;
        }
        if (pos + 1 < end && s.charAt(pos) == '0' && (s.charAt(pos + 1) == 'x' || s.charAt(pos + 1) == 'X')) {
            pos += 2;
            if (pos == end) {
                return null;
            }
            long value = 0;
            for (; pos < end; pos++) {
                int digit = Character.digit(s.charAt(pos), 16);
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            return negative ? -value : value;
        }
        if (pos == end) {
            return null;
        }
        long value = 0;
        for (; pos < end; pos++) {
            char c = s.charAt(pos);
            if (c < '0' || c > '9') {
                return null;
            }
            int digit = c - '0';
            // Like Lua, a decimal that does not fit in 64 bits is read as a float instead. The
            // value goes negative only on reaching Long.MIN_VALUE, after which no digit fits.
            if (value < 0 || value >= Long.MAX_VALUE / 10
                    && (value > Long.MAX_VALUE / 10 || digit > Long.MAX_VALUE % 10 + (negative ? 1 : 0))) {
                return null;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static Double parseFloat(String s, int start, int end) {
        int pos = start;
        boolean negative = false;
        char sign = s.charAt(pos);
        if (sign == '-' || sign == '+') {
            negative = sign == '-';
            pos++;
        }
        boolean hex = pos + 1 < end && s.charAt(pos) == '0' && (s.charAt(pos + 1) == 'x' || s.charAt(pos + 1) == 'X');
        if (hex) {
            pos += 2;
        }
        int mantissaStart = pos;
        int digits = 0;
        boolean dot = false;
        for (; pos < end; pos++) {
            char c = s.charAt(pos);
            if (c == '.') {
                if (dot) {
                    return null;
                }
                dot = true;
            } else if (hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9') {
                digits++;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        int mantissaEnd = pos;
        String exponent = "";
        if (pos < end && (hex ? (s.charAt(pos) | 0x20) == 'p' : (s.charAt(pos) | 0x20) == 'e')) {
            int expStart = ++pos;
            if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int expDigits = pos;
            while (pos < end && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == expDigits) {
                return null;
            }
            exponent = s.substring(expStart, pos);
        }
        if (pos != end) {
            return null;
        }
        String mantissa = s.substring(mantissaStart, mantissaEnd);
        double value;
        if (hex) {
            value = Double.parseDouble("0x" + mantissa + "p" + (exponent.isEmpty() ? "0" : exponent));
        } else {
            value = Double.parseDouble(exponent.isEmpty() ? mantissa : mantissa + "e" + exponent);
        }
        return negative ? -value : value;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** The text Lua prints for an integer. */
    public static String toString(long value) {
        return Long.toString(value);
    }

    /**
     * The text Lua prints for a float: C's {@code %.14g}, with {@code .0} appended when the result
     * would read as an integer, and {@code inf}, {@code -inf}, {@code nan}, {@code -nan} as glibc
     * prints them (the sign of a NaN is its sign bit, so {@code 0/0} on x86 prints {@code -nan}).
     */
    public static String toString(double value) {
        if (Double.isNaN(value)) {
            return Double.doubleToRawLongBits(value) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e14) {
            return Long.toString((long) value) + ".0";
        }
        String g = formatG14(value);
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c != '-' && (c < '0' || c > '9')) {
                return g;
            }
        }
        return g + ".0";
    }

    /** {@code %.14g} of a finite, non-zero double. */
    private static String formatG14(double value) {
        StringBuilder digits = new StringBuilder(17);
        int exponent = shortestDigits(value, digits);
        if (digits.length() > 14 || Math.abs(value) < Double.MIN_NORMAL) {
            BigDecimal rounded = new BigDecimal(value).abs().round(FOURTEEN_DIGITS);
            String unscaled = rounded.unscaledValue().toString();
            digits.setLength(0);
            digits.append(unscaled);
            exponent = unscaled.length() - 1 - rounded.scale();
        }
        int last = digits.length();
        while (last > 1 && digits.charAt(last - 1) == '0') {
            last--;
        }
        digits.setLength(last);
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 14) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (exponent < 0) {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            out.append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits);
            for (int i = digits.length(); i <= exponent; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return out.toString();
    }

    /**
     * Puts the significant digits of {@link Double#toString} (which round-trips) into
     * {@code digits} and returns the decimal exponent of the first digit. When that text has at
     * most 14 digits and the value is normal, it is exactly what {@code %.14g} rounds to: no other
     * 14-digit decimal lies within half an ulp of the value.
     */
    private static int shortestDigits(double value, StringBuilder digits) {
        String text = Double.toString(Math.abs(value));
        int e = text.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        String mantissa = e < 0 ? text : text.substring(0, e);
        int dot = mantissa.indexOf('.');
        int pointPosition = dot;
        for (int i = 0; i < mantissa.length(); i++) {
            if (i != dot) {
                digits.append(mantissa.charAt(i));
            }
        }
        int leadingZeros = 0;
        while (leadingZeros < digits.length() - 1 && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        digits.delete(0, leadingZeros);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits.setLength(end);
        return exponent + pointPosition - 1 - leadingZeros;
    }

    /**
     * {@code x op y} on two integers for every operation but POW and DIV (whose result is a float).
     * The caller has rejected a zero divisor for MOD and IDIV, since what that means (an error, or
     * no constant folding) is its own business.
     */
    public static long integerArith(int op, long x, long y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case MOD: return floorMod(x, y);
            case IDIV: return floorDiv(x, y);
            case BAND: return x & y;
            case BOR: return x | y;
            case BXOR: return x ^ y;
            case SHL: return shiftLeft(x, y);
            case SHR: return shiftLeft(x, -y);
            default: throw new IllegalArgumentException("not an integer operation: " + op);
        }
    }

    /** {@code x op y} on two floats, for the operations ADD..IDIV. */
    public static double floatArith(int op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case MOD: return fmod(x, y);
            case POW: return pow(x, y);
            case DIV: return x / y;
            case IDIV: return floorDiv(x, y);
            default: throw new IllegalArgumentException("not a float operation: " + op);
        }
    }

    /** Lua's {@code //} on integers (the caller has rejected a zero divisor). */
    public static long floorDiv(long a, long b) {
        return Math.floorDiv(a, b);
    }

    /** Lua's {@code %} on integers (the caller has rejected a zero divisor). */
    public static long floorMod(long a, long b) {
        return Math.floorMod(a, b);
    }

    /** Lua's {@code %} on floats: the result takes the sign of the divisor. */
    public static double fmod(double a, double b) {
        double m = a % b;
        if (m > 0 ? b < 0 : (m < 0 && b > 0)) {
            m += b;
        }
        return m;
    }

    /** Lua's {@code //} on floats. */
    public static double floorDiv(double a, double b) {
        return Math.floor(a / b);
    }

    /**
     * Lua's {@code ^}: C's {@code pow}, which unlike {@link Math#pow} gives 1 for {@code 1^y} and
     * {@code (-1)^±inf} whatever y is, NaN included.
     */
    public static double pow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
            return 1.0;
        }
        return Math.pow(x, y);
    }

    /** Lua's {@code <<}: shifts of 64 or more give 0, negative counts shift right logically. */
    public static long shiftLeft(long x, long n) {
        if (n <= -64 || n >= 64) {
            return 0;
        }
        return n >= 0 ? x << n : x >>> -n;
    }

    /** Whether a float has an exact integer representation (no fraction, within 64 bits). */
    public static boolean fitsInteger(double d) {
        return d >= -TWO_POW_63 && d < TWO_POW_63 && d == Math.floor(d);
    }

    /** The integer equal to {@code d}, or {@code null} when there is none. */
    public static Long toIntegerExact(double d) {
        return fitsInteger(d) ? (long) d : null;
    }

    /** Lua's {@code i < f} for an integer and a float, exact even where a conversion would round. */
    public static boolean lessThan(long i, double f) {
        if (f >= TWO_POW_63) {
            return true;
        }
        // ceil(f) is exact in this range, and i < f exactly when i < ceil(f).
        return f > -TWO_POW_63 && i < (long) Math.ceil(f);
    }

    /** Lua's {@code i <= f} for an integer and a float. */
    public static boolean lessEqual(long i, double f) {
        if (f >= TWO_POW_63) {
            return true;
        }
        return f >= -TWO_POW_63 && i <= (long) Math.floor(f);
    }

    /** Lua's {@code f < i} for a float and an integer. */
    public static boolean lessThan(double f, long i) {
        // Written negated so that NaN, which compares false with everything, returns here.
        if (!(f < TWO_POW_63)) {
            return false;
        }
        return f < -TWO_POW_63 || (long) Math.floor(f) < i;
    }

    /** Lua's {@code f <= i} for a float and an integer. */
    public static boolean lessEqual(double f, long i) {
        if (!(f < TWO_POW_63)) {
            return false;
        }
        return f < -TWO_POW_63 || (long) Math.ceil(f) <= i;
    }
}
