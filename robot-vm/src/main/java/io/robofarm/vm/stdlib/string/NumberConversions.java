package io.robofarm.vm.stdlib.string;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The numeric conversions of C's {@code printf} as glibc performs them: {@code d i u o x X} on 64-bit
 * integers and {@code e E f g G a A} on doubles, with flags, width and precision.
 *
 * <p>Decimal conversions round the exact binary value half-to-even, as C does (Java's {@link
 * java.util.Formatter} rounds its shortest decimal text instead, so {@code %.2f} of 1.005 would
 * differ). The common cases are computed with one multiplication whose rounding error is recovered
 * exactly by a fused multiply-add; the rest fall back to {@link BigDecimal}.
 */
final class NumberConversions {
    private static final long[] LONG_POW10 = new long[19];
    private static final double[] DOUBLE_POW10 = new double[23];

    static {
        long p = 1;
        for (int i = 0; i < LONG_POW10.length; i++) {
            LONG_POW10[i] = p;
            p *= 10;
        }
        double d = 1;
        for (int i = 0; i < DOUBLE_POW10.length; i++) {
            DOUBLE_POW10[i] = d;
            d *= 10;
        }
    }

    private NumberConversions() {
    }

    /** Appends {@code v} converted by {@code spec} (one of {@code d i u o x X}). */
    public static void formatInteger(StringBuilder out, FormatSpec spec, long v) {
        char conversion = spec.conversion;
        boolean signed = conversion == 'd' || conversion == 'i';
        if (signed && spec.isPlain()) {
            out.append(v);
            return;
        }
        String digits;
        String prefix = "";
        switch (conversion) {
            case 'd', 'i' -> {
                digits = v >= 0 ? Long.toString(v) : Long.toUnsignedString(-v);
                prefix = signPrefix(v < 0, spec);
            }
            case 'u' -> digits = Long.toUnsignedString(v);
            case 'o' -> digits = Long.toOctalString(v);
            case 'x' -> digits = Long.toHexString(v);
            default -> digits = upperAscii(Long.toHexString(v));
        }
        if (spec.precision == 0 && v == 0) {
            digits = "";
        }
        int zeros = Math.max(spec.precision - digits.length(), 0);
        if (conversion == 'o' && spec.alternate && zeros == 0 && !digits.startsWith("0")) {
            zeros = 1;
        }
        if ((conversion == 'x' || conversion == 'X') && spec.alternate && v != 0) {
            prefix = conversion == 'x' ? "0x" : "0X";
        }
        pad(out, spec, prefix, zeros, digits, spec.precision < 0);
    }

    /** Appends {@code v} converted by {@code spec} (one of {@code e E f g G a A}). */
    public static void formatFloat(StringBuilder out, FormatSpec spec, double v) {
        char conversion = spec.conversion;
        boolean upper = conversion >= 'A' && conversion <= 'Z';
        String sign = signPrefix(Double.doubleToRawLongBits(v) < 0, spec);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            String body = Double.isNaN(v) ? "nan" : "inf";
            pad(out, spec, sign, 0, upper ? upperAscii(body) : body, false);
            return;
        }
        double a = Math.abs(v);
        int precision = spec.precision;
        int kind = CType.toLower(conversion);
        if (kind == 'f' && spec.width == 0) {
            out.append(sign);
            appendFixed(out, a, precision < 0 ? 6 : precision, spec.alternate);
            return;
        }
        String body;
        switch (kind) {
            case 'f' -> {
                StringBuilder b = new StringBuilder(24);
                appendFixed(b, a, precision < 0 ? 6 : precision, spec.alternate);
                body = b.toString();
            }
            case 'e' -> body = exponential(a, precision < 0 ? 6 : precision, spec.alternate, upper);
            case 'g' -> body = general(a, precision < 0 ? 6 : Math.max(precision, 1), spec.alternate, upper);
            default -> {
                body = hexFloat(a, precision, spec.alternate, upper);
                sign = sign + (upper ? "0X" : "0x");
            }
        }
        pad(out, spec, sign, 0, body, true);
    }

    private static String signPrefix(boolean negative, FormatSpec spec) {
        return negative ? "-" : spec.plusSign ? "+" : spec.spaceSign ? " " : "";
    }

    /** Lays out {@code prefix}, {@code zeros} zeros and {@code body} in the field width of {@code spec}. */
    private static void pad(StringBuilder out, FormatSpec spec, String prefix, int zeros, String body,
                            boolean zeroPadAllowed) {
        int fill = spec.width - prefix.length() - zeros - body.length();
        if (fill > 0 && !spec.leftAlign) {
            if (spec.zeroPad && zeroPadAllowed) {
                zeros += fill;
            } else {
                repeat(out, ' ', fill);
            }
        }
        out.append(prefix);
        repeat(out, '0', zeros);
        out.append(body);
        if (fill > 0 && spec.leftAlign) {
            repeat(out, ' ', fill);
        }
    }

    /** Appends {@code n} copies of {@code c} (none when {@code n <= 0}). */
    static void repeat(StringBuilder out, char c, int n) {
        for (int i = 0; i < n; i++) {
            out.append(c);
        }
    }

    private static String upperAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append((char) CType.toUpper(s.charAt(i)));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ %f

    private static void appendFixed(StringBuilder b, double a, int precision, boolean alternate) {
        long n = roundScaled(a, precision);
        if (n >= 0) {
            appendWithPoint(b, Long.toString(n), precision);
        } else {
            b.append(new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString());
        }
        if (precision == 0 && alternate) {
            b.append('.');
        }
    }

    /** Appends {@code digits} (an integer scaled by 10^precision) with the decimal point put back. */
    private static void appendWithPoint(StringBuilder b, String digits, int precision) {
        int intLen = digits.length() - precision;
        if (intLen <= 0) {
            b.append("0.");
            repeat(b, '0', -intLen);
            b.append(digits);
        } else if (precision == 0) {
            b.append(digits);
        } else {
            b.append(digits, 0, intLen).append('.').append(digits, intLen, digits.length());
        }
    }

    /**
     * {@code a * 10^k} rounded half-to-even to an integer, or -1 when that cannot be computed exactly
     * in doubles. The product's rounding error is exact via fma, so the tie test sees the true value.
     */
    private static long roundScaled(double a, int k) {
        if (k < 0 || k >= DOUBLE_POW10.length) {
            return -1;
        }
        double scale = DOUBLE_POW10[k];
        double r = a * scale;
        if (!(r < 0x1p52)) {
            return -1;
        }
        double error = Math.fma(a, scale, -r);
        double floor = Math.floor(r);
        // (r - floor) is exact; so is the subtraction of 0.5 wherever the sum's sign could be in doubt.
        double aboveHalf = ((r - floor) - 0.5) + error;
        long n = (long) floor;
        if (aboveHalf > 0 || (aboveHalf == 0 && (n & 1) == 1)) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ %e and %g

    /** {@code count} significant decimal digits of {@code a}, correctly rounded, and the exponent of the first. */
    private record Decimal(String digits, int exponent) {
    }

    private static Decimal significand(double a, int count) {
        if (a == 0) {
            return new Decimal("0".repeat(count), 0);
        }
        if (count < LONG_POW10.length - 1) {
            int e10 = (int) Math.floor(Math.log10(a));
            for (int attempt = 0; attempt < 3; attempt++) {
                long n = roundScaled(a, count - 1 - e10);
                if (n < 0) {
                    break;
                }
                if (n < LONG_POW10[count - 1]) {
                    e10--;
                } else if (n > LONG_POW10[count]) {
                    e10++;
                } else if (n == LONG_POW10[count]) {
                    return new Decimal(Long.toString(LONG_POW10[count - 1]), e10 + 1);
                } else {
                    return new Decimal(Long.toString(n), e10);
                }
            }
        }
        BigDecimal rounded = new BigDecimal(a).round(new MathContext(count, RoundingMode.HALF_EVEN));
        String unscaled = rounded.unscaledValue().toString();
        int exponent = unscaled.length() - 1 - rounded.scale();
        if (unscaled.length() < count) {
            unscaled = unscaled + "0".repeat(count - unscaled.length());
        }
        return new Decimal(unscaled, exponent);
    }

    private static String exponential(double a, int precision, boolean alternate, boolean upper) {
        Decimal d = significand(a, precision + 1);
        StringBuilder b = new StringBuilder(precision + 8);
        b.append(d.digits, 0, 1);
        if (precision > 0 || alternate) {
            b.append('.');
        }
        b.append(d.digits, 1, d.digits.length());
        appendExponent(b, upper ? 'E' : 'e', d.exponent);
        return b.toString();
    }

    private static void appendExponent(StringBuilder b, char letter, int exponent) {
        b.append(letter).append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            b.append('0');
        }
        b.append(magnitude);
    }

    private static String general(double a, int precision, boolean alternate, boolean upper) {
        Decimal d = significand(a, precision);
        String digits = d.digits;
        int x = d.exponent;
        StringBuilder b = new StringBuilder(precision + 8);
        if (x >= -4 && x < precision) {
            if (x >= 0) {
                b.append(digits, 0, x + 1).append('.').append(digits, x + 1, digits.length());
            } else {
                b.append("0.");
                repeat(b, '0', -x - 1);
                b.append(digits);
            }
            if (!alternate) {
                stripFraction(b, b.length());
            }
            return b.toString();
        }
        b.append(digits, 0, 1).append('.');
        if (alternate && x == precision && new BigDecimal(a).compareTo(BigDecimal.TEN.pow(x)) < 0) {
            // glibc quirk: when rounding carries %#g into exponential form it keeps the fraction
            // length of the fixed form it first chose, which is empty: 999999.5 gives "1.e+06".
            appendExponent(b, upper ? 'E' : 'e', x);
            return b.toString();
        }
        b.append(digits, 1, digits.length());
        if (!alternate) {
            stripFraction(b, b.length());
        }
        appendExponent(b, upper ? 'E' : 'e', x);
        return b.toString();
    }

    /** Removes trailing zeros, and then a trailing point, from a text whose fraction ends at {@code end}. */
    private static void stripFraction(StringBuilder b, int end) {
        int i = end;
        while (b.charAt(i - 1) == '0') {
            i--;
        }
        if (b.charAt(i - 1) == '.') {
            i--;
        }
        b.setLength(i);
    }

    // ------------------------------------------------------------------ %a

    /** glibc's hexadecimal float text without sign and "0x": {@code 1.8p+1}, {@code 0x0.0000000000001p-1022}. */
    private static String hexFloat(double a, int precision, boolean alternate, boolean upper) {
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52);
        long fraction = bits & ((1L << 52) - 1);
        int exponent;
        long mantissa;
        if (biased == 0) {
            exponent = fraction == 0 ? 0 : -1022;
            mantissa = fraction;
        } else {
            exponent = biased - 1023;
            mantissa = (1L << 52) | fraction;
        }
        String digits;
        long lead;
        if (precision < 0 || precision >= 13) {
            lead = mantissa >>> 52;
            StringBuilder h = new StringBuilder(Long.toHexString(fraction | (1L << 52))).deleteCharAt(0);
            if (precision < 0) {
                int end = h.length();
                while (end > 0 && h.charAt(end - 1) == '0') {
                    end--;
                }
                h.setLength(end);
            } else {
                repeat(h, '0', precision - 13);
            }
            digits = h.toString();
        } else {
            int shift = 4 * (13 - precision);
            long kept = mantissa >>> shift;
            long rest = mantissa & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (rest > half || (rest == half && (kept & 1) == 1)) {
                kept++;
            }
            lead = kept >>> (4 * precision);
            long frac = kept & ((1L << (4 * precision)) - 1);
            digits = precision == 0 ? "" : Long.toHexString(frac | (1L << (4 * precision))).substring(1);
        }
        StringBuilder b = new StringBuilder(24);
        b.append(Long.toHexString(lead));
        if (!digits.isEmpty() || alternate) {
            b.append('.');
        }
        b.append(digits).append('p').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        return upper ? upperAscii(b.toString()) : b.toString();
    }
}
