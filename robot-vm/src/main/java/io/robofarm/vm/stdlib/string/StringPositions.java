package io.robofarm.vm.stdlib.string;

/**
 * Lua's rules for string positions given as arguments: negative values count from the end, and
 * out-of-range values are clamped rather than rejected.
 */
public final class StringPositions {
    private StringPositions() {
    }

    /** A start position (1-based) within {@code [1, ∞)}: lstrlib's posrelatI. */
    public static long start(long pos, int len) {
        if (pos > 0) {
            return pos;
        }
        if (pos == 0 || pos < -(long) len) {
            return 1;
        }
        return len + pos + 1;
    }

    /** An end position (1-based, inclusive) within {@code [0, len]}: lstrlib's getendpos. */
    public static long end(long pos, int len) {
        if (pos > len) {
            return len;
        }
        if (pos >= 0) {
            return pos;
        }
        if (pos < -(long) len) {
            return 0;
        }
        return len + pos + 1;
    }
}
