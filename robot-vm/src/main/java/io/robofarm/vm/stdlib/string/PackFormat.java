package io.robofarm.vm.stdlib.string;

import io.robofarm.vm.interp.LuaState;

/**
 * A cursor over a {@code string.pack} format: reads one option at a time with its size and the
 * padding its alignment needs, tracking endianness and maximum alignment as lstrlib's Header does.
 * Native sizes and byte order are those of lua5.4 on x86-64 (int 4, long and size_t 8, little-endian).
 */
final class PackFormat {
    /** Kinds of options; NOP covers spaces, endianness and alignment settings. */
    enum Kind { INT, UINT, FLOAT, DOUBLE, CHAR, STRING, ZSTR, PADDING, PADDALIGN, NOP }

    static final int MAX_INT_SIZE = 16;
    private static final int NATIVE_INT = 4;
    private static final int NATIVE_MAX_ALIGN = 8;
    private static final int SIZE_T = 8;

    private final LuaState L;
    private final String fmt;
    private int pos;
    private int maxAlign = 1;

    boolean littleEndian = true;
    /** Size in bytes of the option last read. */
    int size;
    /** Padding bytes that must precede the option last read. */
    int padding;

    PackFormat(LuaState L, String fmt) {
        this.L = L;
        this.fmt = fmt;
    }

    boolean hasNext() {
        return pos < fmt.length();
    }

    /** Reads the next option, given the {@code offset} reached so far (for alignment); sets size and padding. */
    Kind next(long offset) {
        Kind kind = option();
        int align = size;
        if (kind == Kind.PADDALIGN) {
            if (!hasNext()) {
                throw L.argError(1, "invalid next option for option 'X'");
            }
            Kind target = option();
            align = size;
            size = 0;
            if (target == Kind.CHAR || align == 0) {
                throw L.argError(1, "invalid next option for option 'X'");
            }
        }
        if (align <= 1 || kind == Kind.CHAR) {
            padding = 0;
        } else {
            align = Math.min(align, maxAlign);
            if ((align & (align - 1)) != 0) {
                throw L.argError(1, "format asks for alignment not power of 2");
            }
            padding = (int) ((align - (offset & (align - 1))) & (align - 1));
        }
        return kind;
    }

    private Kind option() {
        char opt = fmt.charAt(pos++);
        size = 0;
        return switch (opt) {
            case 'b' -> sized(Kind.INT, 1);
            case 'B' -> sized(Kind.UINT, 1);
            case 'h' -> sized(Kind.INT, 2);
            case 'H' -> sized(Kind.UINT, 2);
            case 'l', 'j' -> sized(Kind.INT, 8);
            case 'L', 'J', 'T' -> sized(Kind.UINT, 8);
            case 'f' -> sized(Kind.FLOAT, 4);
            case 'n', 'd' -> sized(Kind.DOUBLE, 8);
            case 'i' -> sized(Kind.INT, sizeLimited(NATIVE_INT));
            case 'I' -> sized(Kind.UINT, sizeLimited(NATIVE_INT));
            case 's' -> sized(Kind.STRING, sizeLimited(SIZE_T));
            case 'c' -> {
                int n = number(-1);
                if (n == -1) {
                    throw L.error("missing size for format option 'c'");
                }
                yield sized(Kind.CHAR, n);
            }
            case 'z' -> Kind.ZSTR;
            case 'x' -> sized(Kind.PADDING, 1);
            case 'X' -> Kind.PADDALIGN;
            case ' ' -> Kind.NOP;
            case '<', '=' -> {
                littleEndian = true;
                yield Kind.NOP;
            }
            case '>' -> {
                littleEndian = false;
                yield Kind.NOP;
            }
            case '!' -> {
                maxAlign = sizeLimited(NATIVE_MAX_ALIGN);
                yield Kind.NOP;
            }
            default -> throw L.error("invalid format option '" + opt + "'");
        };
    }

    private Kind sized(Kind kind, int n) {
        size = n;
        return kind;
    }

    /** An optional decimal count; like Lua it stops reading before it could exceed an int. */
    private int number(int absent) {
        if (!hasNext() || !CType.isDigit(fmt.charAt(pos))) {
            return absent;
        }
        int n = 0;
        do {
            n = n * 10 + (fmt.charAt(pos++) - '0');
        } while (hasNext() && CType.isDigit(fmt.charAt(pos)) && n <= (Integer.MAX_VALUE - 9) / 10);
        return n;
    }

    private int sizeLimited(int absent) {
        int n = number(absent);
        if (n > MAX_INT_SIZE || n <= 0) {
            throw L.error("integral size (" + n + ") out of limits [1," + MAX_INT_SIZE + "]");
        }
        return n;
    }
}
