package io.robofarm.vm.stdlib.string;

import io.robofarm.vm.interp.LuaState;

/**
 * {@code string.pack}, {@code string.unpack} and {@code string.packsize}: binary serialization of
 * integers of 1 to 16 bytes, floats and strings, with lua5.4's checks and messages.
 */
public final class StringPacking {
    /** Largest string size Lua's string library accepts (lstrlib's MAXSIZE, INT_MAX). */
    static final long MAX_SIZE = Integer.MAX_VALUE;

    private StringPacking() {
    }

    /** {@code string.pack (fmt, v1, v2, ...)} */
    public static int pack(LuaState L) {
        PackFormat format = new PackFormat(L, L.checkString(1));
        // As in lstrlib, a nil above the arguments: a missing value reads as nil, not "no value".
        L.pushNil();
        StringBuilder out = new StringBuilder();
        int arg = 1;
        long total = 0;
        while (format.hasNext()) {
            PackFormat.Kind kind = format.next(total);
            int size = format.size;
            total += format.padding + size;
            if (total > MAX_SIZE) {
                throw L.argError(1, "format result too large");
            }
            NumberConversions.repeat(out, '\0', format.padding);
            arg++;
            switch (kind) {
                case INT -> {
                    long n = L.checkInteger(arg);
                    if (size < 8) {
                        long limit = 1L << (size * 8 - 1);
                        if (n < -limit || n >= limit) {
                            throw L.argError(arg, "integer overflow");
                        }
                    }
                    appendInteger(out, n, format.littleEndian, size, n < 0);
                }
                case UINT -> {
                    long n = L.checkInteger(arg);
                    if (size < 8 && Long.compareUnsigned(n, 1L << (size * 8)) >= 0) {
                        throw L.argError(arg, "unsigned overflow");
                    }
                    appendInteger(out, n, format.littleEndian, size, false);
                }
                case FLOAT -> appendInteger(out, Float.floatToRawIntBits((float) L.checkNumber(arg)) & 0xFFFFFFFFL,
                        format.littleEndian, 4, false);
                case DOUBLE -> appendInteger(out, Double.doubleToRawLongBits(L.checkNumber(arg)),
                        format.littleEndian, 8, false);
                case CHAR -> {
                    String s = L.checkString(arg);
                    if (s.length() > size) {
                        throw L.argError(arg, "string longer than given size");
                    }
                    out.append(s);
                    NumberConversions.repeat(out, '\0', size - s.length());
                }
                case STRING -> {
                    String s = L.checkString(arg);
                    if (size < 8 && s.length() >= 1L << (size * 8)) {
                        throw L.argError(arg, "string length does not fit in given size");
                    }
                    appendInteger(out, s.length(), format.littleEndian, size, false);
                    total += s.length();
                    if (total > MAX_SIZE) {
                        throw L.argError(1, "format result too large");
                    }
                    out.append(s);
                }
                case ZSTR -> {
                    String s = L.checkString(arg);
                    if (s.indexOf(0) >= 0) {
                        throw L.argError(arg, "string contains zeros");
                    }
                    total += s.length() + 1;
                    if (total > MAX_SIZE) {
                        throw L.argError(1, "format result too large");
                    }
                    out.append(s).append('\0');
                }
                case PADDING -> {
                    out.append('\0');
                    arg--;
                }
                default -> arg--;
            }
        }
        L.pushString(out.toString());
        return 1;
    }

    /** Appends {@code size} bytes of {@code v}; bytes beyond the eighth are 0xFF when {@code negative}. */
    private static void appendInteger(StringBuilder out, long v, boolean littleEndian, int size, boolean negative) {
        int start = out.length();
        for (int i = 0; i < size; i++) {
            out.append((char) (i < 8 ? (v >>> (8 * i)) & 0xFF : (negative ? 0xFF : 0)));
        }
        if (!littleEndian) {
            for (int i = start, j = out.length() - 1; i < j; i++, j--) {
                char t = out.charAt(i);
                out.setCharAt(i, out.charAt(j));
                out.setCharAt(j, t);
            }
        }
    }

    /** {@code string.packsize (fmt)} */
    public static int packsize(LuaState L) {
        PackFormat format = new PackFormat(L, L.checkString(1));
        long total = 0;
        while (format.hasNext()) {
            PackFormat.Kind kind = format.next(total);
            if (kind == PackFormat.Kind.STRING || kind == PackFormat.Kind.ZSTR) {
                throw L.argError(1, "variable-length format");
            }
            long size = (long) format.size + format.padding;
            if (total > MAX_SIZE - size) {
                throw L.argError(1, "format result too large");
            }
            total += size;
        }
        L.pushInteger(total);
        return 1;
    }

    /** {@code string.unpack (fmt, s [, pos])} */
    public static int unpack(LuaState L) {
        PackFormat format = new PackFormat(L, L.checkString(1));
        String data = L.checkString(2);
        int length = data.length();
        long start = StringPositions.start(L.optInteger(3, 1), length) - 1;
        if (start > length) {
            throw L.argError(3, "initial position out of string");
        }
        int pos = (int) start;
        int n = 0;
        while (format.hasNext()) {
            PackFormat.Kind kind = format.next(pos);
            int size = format.size;
            if ((long) format.padding + size > length - pos) {
                throw L.argError(2, "data string too short");
            }
            pos += format.padding;
            n++;
            switch (kind) {
                case INT, UINT -> L.pushInteger(readInteger(L, data, pos, format.littleEndian, size,
                        kind == PackFormat.Kind.INT));
                case FLOAT -> L.pushNumber(Float.intBitsToFloat(
                        (int) readInteger(L, data, pos, format.littleEndian, 4, false)));
                case DOUBLE -> L.pushNumber(Double.longBitsToDouble(
                        readInteger(L, data, pos, format.littleEndian, 8, false)));
                case CHAR -> L.pushString(data.substring(pos, pos + size));
                case STRING -> {
                    long len = readInteger(L, data, pos, format.littleEndian, size, false);
                    if (Long.compareUnsigned(len, length - pos - size) > 0) {
                        throw L.argError(2, "data string too short");
                    }
                    L.pushString(data.substring(pos + size, pos + size + (int) len));
                    pos += (int) len;
                }
                case ZSTR -> {
                    int zero = data.indexOf(0, pos);
                    if (zero < 0) {
                        throw L.argError(2, "unfinished string for format 'z'");
                    }
                    L.pushString(data.substring(pos, zero));
                    pos = zero + 1;
                }
                default -> n--;
            }
            pos += size;
        }
        L.pushInteger(pos + 1L);
        return n + 1;
    }

    /**
     * Reads a {@code size}-byte integer; bytes beyond the eighth must only extend the sign, else the
     * value does not fit in a Lua integer.
     */
    private static long readInteger(LuaState L, String data, int pos, boolean littleEndian, int size,
                                    boolean signed) {
        long v = 0;
        int limit = Math.min(size, 8);
        for (int i = limit - 1; i >= 0; i--) {
            v = (v << 8) | data.charAt(littleEndian ? pos + i : pos + size - 1 - i);
        }
        if (size < 8) {
            if (signed) {
                long mask = 1L << (size * 8 - 1);
                v = (v ^ mask) - mask;
            }
        } else if (size > 8) {
            int extension = !signed || v >= 0 ? 0 : 0xFF;
            for (int i = limit; i < size; i++) {
                if (data.charAt(littleEndian ? pos + i : pos + size - 1 - i) != extension) {
                    throw L.error(size + "-byte integer does not fit into Lua Integer");
                }
            }
        }
        return v;
    }
}
