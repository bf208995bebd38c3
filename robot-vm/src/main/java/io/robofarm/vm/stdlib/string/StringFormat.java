package io.robofarm.vm.stdlib.string;

import io.robofarm.vm.interp.LuaState;

/**
 * {@code string.format}: walks the format string, validates each conversion specification exactly as
 * lua5.4 does (which flags each conversion accepts, at most two digits of width and precision) and
 * hands numbers to {@link NumberConversions}. Also {@code %q}, which writes values back as Lua
 * literals.
 */
public final class StringFormat {
    /** Chars a specification may span before its conversion letter (lstrlib's getformat). */
    private static final String SPEC_CHARS = "-+ #0123456789.";
    /** Longest span accepted, from lstrlib's MAX_FORMAT. */
    private static final int MAX_SPEC = 20;

    private static final String FLAGS_FLOAT = "-+ #0";
    private static final String FLAGS_HEX = "-#0";
    private static final String FLAGS_INT = "-+ 0";
    private static final String FLAGS_UNSIGNED = "-0";
    private static final String FLAGS_TEXT = "-";

    private StringFormat() {
    }

    /** {@code string.format (formatstring, ...)} */
    public static int format(LuaState L) {
        String fmt = L.checkString(1);
        int top = L.getTop();
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        L.trackBuffer(out);
        try {
            appendFormatted(L, fmt, top, out, new FormatSpec('d'));
        } finally {
            L.untrackBuffer(out);
        }
        L.pushString(out.toString());
        return 1;
    }

    /** Appends the conversions of {@code fmt} applied to the arguments up to {@code top}. */
    private static void appendFormatted(LuaState L, String fmt, int top, StringBuilder out, FormatSpec spec) {
        int n = fmt.length();
        int arg = 1;
        int i = 0;
        while (i < n) {
            int pct = fmt.indexOf('%', i);
            if (pct < 0) {
                out.append(fmt, i, n);
                break;
            }
            out.append(fmt, i, pct);
            i = pct + 1;
            if (i < n && fmt.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            if (++arg > top) {
                throw L.argError(arg, "no value");
            }
            int start = i;
            while (i < n && SPEC_CHARS.indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i - start > MAX_SPEC) {
                throw L.error("invalid format (too long)");
            }
            int end = i;
            i = Math.min(i + 1, n);
            convert(L, out, spec, fmt, start, end, arg);
        }
    }

    /** Appends argument {@code arg} converted by the specification {@code fmt[start, end]}. */
    private static void convert(LuaState L, StringBuilder out, FormatSpec spec, String fmt, int start, int end,
                                int arg) {
        char conversion = end < fmt.length() ? fmt.charAt(end) : 0;
        switch (conversion) {
            case 'c' -> {
                check(L, fmt, start, end, FLAGS_TEXT, false);
                char c = (char) (L.checkInteger(arg) & 0xFF);
                padText(out, spec.set(fmt, start, end, conversion), String.valueOf(c));
            }
            case 'd', 'i' -> formatInteger(L, out, spec, fmt, start, end, arg, FLAGS_INT);
            case 'u' -> formatInteger(L, out, spec, fmt, start, end, arg, FLAGS_UNSIGNED);
            case 'o', 'x', 'X' -> formatInteger(L, out, spec, fmt, start, end, arg, FLAGS_HEX);
            case 'a', 'A' -> {
                check(L, fmt, start, end, FLAGS_FLOAT, true);
                NumberConversions.formatFloat(out, spec.set(fmt, start, end, conversion), L.checkNumber(arg));
            }
            case 'e', 'E', 'f', 'g', 'G' -> {
                double v = L.checkNumber(arg);
                check(L, fmt, start, end, FLAGS_FLOAT, true);
                NumberConversions.formatFloat(out, spec.set(fmt, start, end, conversion), v);
            }
            case 'p' -> {
                check(L, fmt, start, end, FLAGS_TEXT, false);
                padText(out, spec.set(fmt, start, end, conversion), pointer(L.arg(arg)));
            }
            case 'q' -> {
                if (end != start) {
                    throw L.error("specifier '%q' cannot have modifiers");
                }
                appendLiteral(L, out, arg);
            }
            case 's' -> formatString(L, out, spec, fmt, start, end, arg);
            default -> throw L.error("invalid conversion '%" + fmt.substring(start, Math.min(end + 1, fmt.length()))
                    + "' to 'format'");
        }
    }

    private static void formatString(LuaState L, StringBuilder out, FormatSpec spec, String fmt, int start, int end,
                                     int arg) {
        String s = L.toDisplayString(L.arg(arg));
        L.allocate(s.length());
        if (end == start) {
            out.append(s);
            return;
        }
        if (s.indexOf(0) >= 0) {
            throw L.argError(arg, "string contains zeros");
        }
        check(L, fmt, start, end, FLAGS_TEXT, true);
        spec.set(fmt, start, end, 's');
        if (spec.precision >= 0 && spec.precision < s.length()) {
            s = s.substring(0, spec.precision);
        }
        padText(out, spec, s);
    }

    private static void formatInteger(LuaState L, StringBuilder out, FormatSpec spec, String fmt, int start,
                                      int end, int arg, String flags) {
        long v = L.checkInteger(arg);
        check(L, fmt, start, end, flags, true);
        NumberConversions.formatInteger(out, spec.set(fmt, start, end, fmt.charAt(end)), v);
    }

    /**
     * Rejects a specification {@code fmt[start, end)} with flags outside {@code flags}, a width or
     * precision of more than two digits, or a precision where none is allowed (lstrlib's checkformat).
     */
    private static void check(LuaState L, String fmt, int start, int end, String flags, boolean precision) {
        int j = start;
        while (j < end && flags.indexOf(fmt.charAt(j)) >= 0) {
            j++;
        }
        if (j < end && fmt.charAt(j) != '0') {
            j = skipTwoDigits(fmt, j, end);
            if (j < end && fmt.charAt(j) == '.' && precision) {
                j = skipTwoDigits(fmt, j + 1, end);
            }
        }
        if (j != end) {
            throw L.error("invalid conversion specification: '%" + fmt.substring(start, end + 1) + "'");
        }
    }

    private static int skipTwoDigits(String s, int j, int end) {
        for (int k = 0; k < 2 && j < end && CType.isDigit(s.charAt(j)); k++) {
            j++;
        }
        return j;
    }

    private static void padText(StringBuilder out, FormatSpec spec, String s) {
        int fill = spec.width - s.length();
        if (!spec.leftAlign) {
            NumberConversions.repeat(out, ' ', fill);
        }
        out.append(s);
        if (spec.leftAlign) {
            NumberConversions.repeat(out, ' ', fill);
        }
    }

    /** Lua interns strings up to this length, so equal short strings share one address. */
    private static final int MAX_SHORT_STRING = 40;

    /** What {@code %p} shows: an identity for values that have one, "(null)" for the others. */
    private static String pointer(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return "(null)";
        }
        int id = v instanceof String s && s.length() <= MAX_SHORT_STRING
                ? s.hashCode() * 0x9E3779B9
                : System.identityHashCode(v);
        String hex = Integer.toHexString(id);
        return "0x" + "0".repeat(8 - hex.length()) + hex;
    }

    /** {@code %q}: a literal that reads back as the same value. */
    private static void appendLiteral(LuaState L, StringBuilder out, int arg) {
        Object v = L.arg(arg);
        if (v instanceof String s) {
            L.allocate(4L * s.length());
            appendQuoted(out, s);
        } else if (v instanceof Long l) {
            // "-9223372036854775808" would read back as a float; its hex form reads back as the integer.
            out.append(l == Long.MIN_VALUE ? "0x8000000000000000" : Long.toString(l));
        } else if (v instanceof Double d) {
            if (d == Double.POSITIVE_INFINITY) {
                out.append("1e9999");
            } else if (d == Double.NEGATIVE_INFINITY) {
                out.append("-1e9999");
            } else if (Double.isNaN(d)) {
                out.append("(0/0)");
            } else {
                NumberConversions.formatFloat(out, new FormatSpec('a'), d);
            }
        } else if (v == null || v instanceof Boolean) {
            out.append(v == null ? "nil" : v.toString());
        } else {
            throw L.argError(arg, "value has no literal form");
        }
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n') {
                out.append('\\').append(c);
            } else if (CType.is(c, CType.CNTRL)) {
                out.append('\\');
                // A following digit would extend the escape, so then it takes all three digits.
                if (i + 1 < n && CType.isDigit(s.charAt(i + 1))) {
                    if (c < 100) {
                        out.append('0');
                    }
                    if (c < 10) {
                        out.append('0');
                    }
                }
                out.append((int) c);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
