package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaNumbers;

/** Comparisons and formatting of boxed Lua numbers with 5.4's exact integer/float semantics. */
final class Numbers {
    private Numbers() {
    }

    static boolean lessThan(Object a, Object b) {
        if (a instanceof Long x) {
            return b instanceof Long y ? x < y : LuaNumbers.lessThan(x, (Double) b);
        }
        double x = (Double) a;
        return b instanceof Long y ? LuaNumbers.lessThan(x, y) : x < (Double) b;
    }

    static boolean lessEqual(Object a, Object b) {
        if (a instanceof Long x) {
            return b instanceof Long y ? x <= y : LuaNumbers.lessEqual(x, (Double) b);
        }
        double x = (Double) a;
        return b instanceof Long y ? LuaNumbers.lessEqual(x, y) : x <= (Double) b;
    }

    static String toString(Object n) {
        return n instanceof Long l ? LuaNumbers.toString(l) : LuaNumbers.toString((Double) n);
    }
}
