package io.robofarm.vm.parse;

import io.robofarm.vm.value.LuaNumbers;

/**
 * Folds arithmetic and bitwise operations on numeric literals at compile time, exactly as Lua
 * does. It declines (returns null) whenever folding could change behaviour: operations that
 * would raise an error at run time (division by zero, bitwise on non-integral floats) and
 * float results that are NaN or zero (so -0.0 is never produced by folding). The arithmetic
 * itself is {@link LuaNumbers}', the same the interpreter runs: {@link BinOpr}'s first twelve
 * operators are in Lua's operation order.
 */
final class ConstantFolder {
    private ConstantFolder() {
    }

    /** The folded value of {@code a op b} (Long or Double), or null when it must not be folded. */
    static Object fold(BinOpr op, Object a, Object b) {
        switch (op) {
            case BAND, BOR, BXOR, SHL, SHR -> {
                Long x = toInteger(a);
                Long y = toInteger(b);
                return x == null || y == null ? null : LuaNumbers.integerArith(op.ordinal(), x, y);
            }
            case DIV, IDIV, MOD -> {
                if (((Number) b).doubleValue() == 0) {
                    return null;
                }
            }
            default -> {
            }
        }
        if (a instanceof Long x && b instanceof Long y && op != BinOpr.POW && op != BinOpr.DIV) {
            return LuaNumbers.integerArith(op.ordinal(), x, y);
        }
        return checkFloat(LuaNumbers.floatArith(op.ordinal(), ((Number) a).doubleValue(), ((Number) b).doubleValue()));
    }

    /** The folded value of unary minus or bitwise not, or null when it must not be folded. */
    static Object foldUnary(UnOpr op, Object v) {
        if (op == UnOpr.BNOT) {
            Long x = toInteger(v);
            return x == null ? null : ~x;
        }
        if (v instanceof Long x) {
            return -x;
        }
        return checkFloat(-(Double) v);
    }

    private static Object checkFloat(double d) {
        return Double.isNaN(d) || d == 0 ? null : d;
    }

    private static Long toInteger(Object v) {
        return v instanceof Long l ? l : LuaNumbers.toIntegerExact((Double) v);
    }
}
