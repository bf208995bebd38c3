package io.robofarm.vm.stdlib.string;

/**
 * The character classes of C's {@code <ctype.h>} in the "C" locale, over bytes 0..255. Lua patterns
 * ({@code %a}, {@code %s}, ...), {@code string.upper}/{@code lower} and {@code %q} are defined by
 * them, so bytes above 127 belong to no class, whatever Java's {@link Character} thinks.
 */
final class CType {
    static final int ALPHA = 1;
    static final int DIGIT = 2;
    static final int LOWER = 4;
    static final int UPPER = 8;
    static final int SPACE = 16;
    static final int CNTRL = 32;
    static final int PUNCT = 64;
    static final int XDIGIT = 128;

    private static final byte[] FLAGS = new byte[256];

    static {
        for (int c = 0; c < 128; c++) {
            int f = 0;
            if (c >= 'a' && c <= 'z') {
                f |= ALPHA | LOWER;
            } else if (c >= 'A' && c <= 'Z') {
                f |= ALPHA | UPPER;
            } else if (c >= '0' && c <= '9') {
                f |= DIGIT;
            } else if (c < 32 || c == 127) {
                f |= CNTRL;
            } else if (c != ' ') {
                f |= PUNCT;
            }
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                f |= SPACE;
            }
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                f |= XDIGIT;
            }
            FLAGS[c] = (byte) f;
        }
    }

    private CType() {
    }

    /** True when byte {@code c} has any of the {@code classes} bits. */
    static boolean is(int c, int classes) {
        return c < 256 && (FLAGS[c] & classes) != 0;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    static int toUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }

    /**
     * Whether byte {@code c} belongs to the pattern class letter {@code cl} ({@code a c d g l p s u w x z},
     * an upper-case letter meaning the complement); any other {@code cl} stands for itself.
     */
    static boolean matchesClass(int c, int cl) {
        int classes;
        switch (toLower(cl)) {
            case 'a' -> classes = ALPHA;
            case 'c' -> classes = CNTRL;
            case 'd' -> classes = DIGIT;
            case 'g' -> classes = ALPHA | DIGIT | PUNCT;
            case 'l' -> classes = LOWER;
            case 'p' -> classes = PUNCT;
            case 's' -> classes = SPACE;
            case 'u' -> classes = UPPER;
            case 'w' -> classes = ALPHA | DIGIT;
            case 'x' -> classes = XDIGIT;
            case 'z' -> {
                // Deprecated since 5.2 but still accepted by 5.4: the zero byte.
                return (c == 0) != (cl == 'Z');
            }
            default -> {
                return cl == c;
            }
        }
        boolean in = is(c, classes);
        return (cl >= 'A' && cl <= 'Z') != in;
    }
}
