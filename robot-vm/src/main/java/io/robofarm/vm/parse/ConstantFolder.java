package io.robofarm.vm.parse;

import io.robofarm.vm.value.LuaNumbers;

/**
 * Folds arithmetic and bitwise operations on numeric literals at compile time, exactly as Lua
 * does. It declines (returns null) whenever folding could change behaviour: operations that
 * would raise an error at run time (division by zero, bitwise on non-integral floats) and
 * float results that are NaN or zero (so -0.0 is never produced by folding).
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
                return x == null || y == null ? null : bitwise(op, x, y);
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
            return integerArith(op, x, y);
        }
        return checkFloat(floatArith(op, ((Number) a).doubleValue(), ((Number) b).doubleValue()));
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

    private static long bitwise(BinOpr op, long x, long y) {
        return switch (op) {
            case BAND -> x & y;
            case BOR -> x | y;
            case BXOR -> x ^ y;
            case SHL -> LuaNumbers.shiftLeft(x, y);
            default -> LuaNumbers.shiftLeft(x, -y);
        };
    }

    private static long integerArith(BinOpr op, long x, long y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case MOD -> LuaNumbers.floorMod(x, y);
            default -> LuaNumbers.floorDiv(x, y);
        };
    }

    private static double floatArith(BinOpr op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case MOD -> LuaNumbers.fmod(x, y);
            case POW -> LuaNumbers.pow(x, y);
            case DIV -> x / y;
            default -> LuaNumbers.floorDiv(x, y);
        };
    }
}
