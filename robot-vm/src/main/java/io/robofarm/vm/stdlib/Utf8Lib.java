package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

/**
 * The {@code utf8} library over Lua strings (one char per byte). It accepts Lua's extended UTF-8
 * (sequences up to six bytes, code points up to 2^31 - 1); the strict mode, the default, further
 * rejects surrogates and code points above U+10FFFF, as lua5.4 does.
 */
public final class Utf8Lib {
    private static final long MAX_UTF = 0x7FFFFFFFL;
    private static final long MAX_UNICODE = 0x10FFFFL;
    /** Smallest code point that needs each count of continuation bytes (overlong forms are invalid). */
    private static final long[] MIN_FOR_LENGTH = {0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};
    private static final String INVALID = "invalid UTF-8 code";
    private static final JavaFunction CODES_STRICT = JavaFunction.of("for iterator", L -> codesStep(L, true));
    private static final JavaFunction CODES_LAX = JavaFunction.of("for iterator", L -> codesStep(L, false));

    private Utf8Lib() {
    }

    /** Installs the {@code utf8} table into the VM's globals. */
    public static void open(Vm vm) {
        LuaTable utf8 = vm.newTable(0, 8);
        register(utf8, "utf8.char", Utf8Lib::utfChar);
        register(utf8, "utf8.codes", Utf8Lib::codes);
        register(utf8, "utf8.codepoint", Utf8Lib::codepoint);
        register(utf8, "utf8.len", Utf8Lib::len);
        register(utf8, "utf8.offset", Utf8Lib::offset);
        utf8.put("charpattern", "[\0-\u007F\u00C2-\u00FD][\u0080-\u00BF]*");
        vm.globals().put("utf8", utf8);
    }

    private static int utfChar(LuaState L) {
        int n = L.getTop();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            long code = L.checkInteger(i);
            if (Long.compareUnsigned(code, MAX_UTF) > 0) {
                throw L.argError(i, "value out of range");
            }
            encode(out, code);
        }
        L.pushString(out.toString());
        return 1;
    }

    /** Appends the (extended) UTF-8 bytes of {@code code}, one char per byte. */
    static void encode(StringBuilder out, long code) {
        if (code < 0x80) {
            out.append((char) code);
            return;
        }
        char[] bytes = new char[6];
        int n = 0;
        long firstByteMax = 0x3f;
        do {
            bytes[n++] = (char) (0x80 | (code & 0x3f));
            code >>= 6;
            firstByteMax >>= 1;
        } while (code > firstByteMax);
        out.append((char) ((~firstByteMax << 1 | code) & 0xFF));
        for (int i = n - 1; i >= 0; i--) {
            out.append(bytes[i]);
        }
    }

    /**
     * Decodes the sequence starting at {@code s[i]}: returns {@code (code << 3) | length}, or -1 when
     * the bytes there are not a valid sequence (in strict mode, also a surrogate or above U+10FFFF).
     */
    static long decode(String s, int i, boolean strict) {
        int c = s.charAt(i);
        long code;
        int extra = 0;
        if (c < 0x80) {
            code = c;
        } else {
            extra = Integer.numberOfLeadingZeros(~(c << 24));
            if (extra < 2 || extra > 6) {
                return -1;
            }
            extra--;
            code = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                if (i + k >= s.length() || !isContinuation(s.charAt(i + k))) {
                    return -1;
                }
                code = code << 6 | (s.charAt(i + k) & 0x3F);
            }
            if (code > MAX_UTF || code < MIN_FOR_LENGTH[extra]) {
                return -1;
            }
        }
        if (strict && (code > MAX_UNICODE || code >= 0xD800 && code <= 0xDFFF)) {
            return -1;
        }
        return code << 3 | (extra + 1);
    }

    private static boolean isContinuation(char c) {
        return (c & 0xC0) == 0x80;
    }

    private static boolean continuationAt(String s, long i) {
        return i < s.length() && isContinuation(s.charAt((int) i));
    }

    /** A relative string position (negative counts from the end) made absolute, as lua5.4's u_posrelat. */
    private static long absolute(long pos, int len) {
        if (pos >= 0) {
            return pos;
        }
        return -pos > len ? 0 : len + pos + 1;
    }

    private static int codes(LuaState L) {
        L.checkString(1);
        boolean lax = L.toBoolean(2);
        L.push(lax ? CODES_LAX : CODES_STRICT);
        L.push(L.arg(1));
        L.pushInteger(0);
        return 3;
    }

    private static int codesStep(LuaState L, boolean strict) {
        String s = L.checkString(1);
        long n = L.arg(2) instanceof Long i ? i : 0;
        int len = s.length();
        if (Long.compareUnsigned(n, len) < 0) {
            while (continuationAt(s, n)) {
                n++;
            }
        }
        if (Long.compareUnsigned(n, len) >= 0) {
            return 0;
        }
        long decoded = decode(s, (int) n, strict);
        if (decoded < 0) {
            throw L.error(INVALID);
        }
        L.pushInteger(n + 1);
        L.pushInteger(decoded >> 3);
        return 2;
    }

    private static int codepoint(LuaState L) {
        String s = L.checkString(1);
        int len = s.length();
        long first = absolute(L.optInteger(2, 1), len);
        long last = absolute(L.optInteger(3, first), len);
        boolean strict = !L.toBoolean(4);
        if (first < 1) {
            throw L.argError(2, "out of bounds");
        }
        if (last > len) {
            throw L.argError(3, "out of bounds");
        }
        if (first > last) {
            return 0;
        }
        int count = 0;
        for (int i = (int) first - 1; i < last; ) {
            long decoded = decode(s, i, strict);
            if (decoded < 0) {
                throw L.error(INVALID);
            }
            L.pushInteger(decoded >> 3);
            count++;
            i += (int) (decoded & 7);
        }
        return count;
    }

    private static int len(LuaState L) {
        String s = L.checkString(1);
        int len = s.length();
        long i = absolute(L.optInteger(2, 1), len);
        long j = absolute(L.optInteger(3, -1), len);
        boolean strict = !L.toBoolean(4);
        if (i < 1 || --i > len) {
            throw L.argError(2, "initial position out of bounds");
        }
        if (--j >= len) {
            throw L.argError(3, "final position out of bounds");
        }
        long n = 0;
        while (i <= j) {
            long decoded = decode(s, (int) i, strict);
            if (decoded < 0) {
                L.pushNil();
                L.pushInteger(i + 1);
                return 2;
            }
            i += decoded & 7;
            n++;
        }
        L.pushInteger(n);
        return 1;
    }

    private static int offset(LuaState L) {
        String s = L.checkString(1);
        int len = s.length();
        long n = L.checkInteger(2);
        long i = absolute(L.optInteger(3, n >= 0 ? 1 : len + 1L), len);
        if (i < 1 || --i > len) {
            throw L.argError(3, "position out of bounds");
        }
        if (n == 0) {
            while (i > 0 && continuationAt(s, i)) {
                i--;
            }
        } else {
            if (continuationAt(s, i)) {
                throw L.error("initial position is a continuation byte");
            }
            if (n < 0) {
                while (n < 0 && i > 0) {
                    do {
                        i--;
                    } while (i > 0 && continuationAt(s, i));
                    n++;
                }
            } else {
                n--;
                while (n > 0 && i < len) {
                    do {
                        i++;
                    } while (continuationAt(s, i));
                    n--;
                }
            }
        }
        if (n == 0) {
            L.pushInteger(i + 1);
        } else {
            L.pushNil();
        }
        return 1;
    }
}
