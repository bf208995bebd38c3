package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaNumbers;

/**
 * Lua 5.4 arithmetic on tagged register values (see {@link Slots}): integer operations wrap
 * around, {@code //} and {@code %} floor, bitwise operations need floats with an exact integer
 * value. Operation codes follow Lua's order (ADD..BNOT), as the opcodes and metamethod events do.
 */
final class Arith {
    static final int ADD = LuaNumbers.ADD, SUB = LuaNumbers.SUB, MUL = LuaNumbers.MUL, MOD = LuaNumbers.MOD,
            POW = LuaNumbers.POW, DIV = LuaNumbers.DIV, IDIV = LuaNumbers.IDIV, BAND = LuaNumbers.BAND,
            BOR = LuaNumbers.BOR, BXOR = LuaNumbers.BXOR, SHL = LuaNumbers.SHL, SHR = LuaNumbers.SHR,
            UNM = 12, BNOT = 13;
    /** Metamethod event number of ADD (TM_ADD); event = op + EVENT_BASE. */
    static final int EVENT_BASE = 6;

    private static final Object INT = Slots.INT;
    private static final Object FLT = Slots.FLT;
    private static final double TWO_63 = 0x1p63;

    private Arith() {
    }

    static boolean isNumber(Object tag) {
        return tag == INT || tag == FLT;
    }

    static double toDouble(Object tag, long bits) {
        return tag == INT ? (double) bits : Double.longBitsToDouble(bits);
    }

    /**
     * Computes {@code op} on two numbers and stores the result in register {@code ra}. Returns
     * false, storing nothing, when an operand is not a number or (bitwise) has no integer value;
     * the caller then falls back to metamethods (strings convert through the string metatable, as
     * in Lua 5.4). Integer division by zero raises the Lua error. The number rules themselves are
     * {@link LuaNumbers}', shared with the compiler's constant folding and the libraries.
     */
    static boolean arith(LuaState L, int op, Object[] R, long[] N, int ra, Object t1, long n1, Object t2, long n2) {
        if (t1 == INT && t2 == INT && op != POW && op != DIV) {
            N[ra] = intArith(L, op, n1, n2);
            R[ra] = INT;
            return true;
        }
        return mixedArith(L, op, R, N, ra, t1, n1, t2, n2);
    }

    /** {@link #arith} on two integers, for every operation but POW and DIV (whose result is a float). */
    private static long intArith(LuaState L, int op, long x, long y) {
        if (y == 0 && (op == MOD || op == IDIV)) {
            throw Errors.runtime(L, op == MOD ? "attempt to perform 'n%0'" : "attempt to divide by zero");
        }
        return LuaNumbers.integerArith(op, x, y);
    }

    /** {@link #arith} when not both operands are integers, or for POW and DIV. */
    private static boolean mixedArith(LuaState L, int op, Object[] R, long[] N, int ra, Object t1, long n1, Object t2,
                                      long n2) {
        if (!isNumber(t1) || !isNumber(t2)) {
            return false;
        }
        if (op < BAND) {
            storeFloat(R, N, ra, LuaNumbers.floatArith(op, toDouble(t1, n1), toDouble(t2, n2)));
            return true;
        }
        if ((t1 == FLT && !LuaNumbers.fitsInteger(Double.longBitsToDouble(n1)))
                || (t2 == FLT && !LuaNumbers.fitsInteger(Double.longBitsToDouble(n2)))) {
            return false;
        }
        long x = t1 == INT ? n1 : (long) Double.longBitsToDouble(n1);
        long y = t2 == INT ? n2 : (long) Double.longBitsToDouble(n2);
        N[ra] = intArith(L, op, x, y);
        R[ra] = INT;
        return true;
    }

    private static void storeFloat(Object[] R, long[] N, int ra, double d) {
        N[ra] = Double.doubleToRawLongBits(d);
        R[ra] = FLT;
    }

    /** Raw equality of two tagged values (no metamethods): numbers by value, strings by content. */
    static boolean rawEquals(Object t1, long n1, Object t2, long n2) {
        if (t1 == INT) {
            if (t2 == INT) {
                return n1 == n2;
            }
            return t2 == FLT && intEqualsFloat(n1, Double.longBitsToDouble(n2));
        }
        if (t1 == FLT) {
            if (t2 == FLT) {
                return Double.longBitsToDouble(n1) == Double.longBitsToDouble(n2);
            }
            return t2 == INT && intEqualsFloat(n2, Double.longBitsToDouble(n1));
        }
        if (t1 == t2) {
            return true;
        }
        return t1 instanceof String s && s.equals(t2);
    }

    private static boolean intEqualsFloat(long i, double d) {
        return LuaNumbers.fitsInteger(d) && (long) d == i;
    }

    /** Whether an integer is less than (or equal to, with {@code orEqual}) a float, exactly. */
    static boolean lessIntFloat(long i, double f, boolean orEqual) {
        return orEqual ? LuaNumbers.lessEqual(i, f) : LuaNumbers.lessThan(i, f);
    }

    static boolean lessFloatInt(double f, long i, boolean orEqual) {
        return orEqual ? LuaNumbers.lessEqual(f, i) : LuaNumbers.lessThan(f, i);
    }

    /** Numeric comparison of two tagged numbers. */
    static boolean less(Object t1, long n1, Object t2, long n2, boolean orEqual) {
        if (t1 == INT) {
            if (t2 == INT) {
                return orEqual ? n1 <= n2 : n1 < n2;
            }
            return lessIntFloat(n1, Double.longBitsToDouble(n2), orEqual);
        }
        double x = Double.longBitsToDouble(n1);
        if (t2 == INT) {
            return lessFloatInt(x, n2, orEqual);
        }
        double y = Double.longBitsToDouble(n2);
        return orEqual ? x <= y : x < y;
    }

    /**
     * FORPREP: checks and prepares a numeric loop in registers ra..ra+3. Integer loops keep the
     * iteration count in ra+1 (as an unsigned number), so FORLOOP cannot overflow. Returns true
     * when the loop must be skipped.
     */
    static boolean forPrep(LuaState L, Object[] R, long[] N, int ra) {
        Object init = R[ra];
        Object step = R[ra + 2];
        if (init == INT && step == INT) {
            long i0 = N[ra];
            long st = N[ra + 2];
            if (st == 0) {
                throw Errors.runtime(L, "'for' step is zero");
            }
            R[ra + 3] = INT;
            N[ra + 3] = i0;
            long limit;
            Object lim = R[ra + 1];
            if (lim == INT) {
                limit = N[ra + 1];
            } else {
                Object num = lim == FLT ? lim : toNumberTag(R, N, ra + 1);
                if (num == null) {
                    throw forError(L, R[ra + 1], "limit");
                }
                double fl = num == INT ? (double) N[ra + 1] : Double.longBitsToDouble(N[ra + 1]);
                if (num == INT) {
                    limit = N[ra + 1];
                } else if (Double.isNaN(fl)) {
                    return true;
                } else {
                    double rounded = st < 0 ? Math.ceil(fl) : Math.floor(fl);
                    if (rounded >= TWO_63) {
                        if (st < 0) {
                            return true;
                        }
                        limit = Long.MAX_VALUE;
                    } else if (rounded < -TWO_63) {
                        if (st > 0) {
                            return true;
                        }
                        limit = Long.MIN_VALUE;
                    } else {
                        limit = (long) rounded;
                    }
                }
            }
            if (st > 0 ? i0 > limit : i0 < limit) {
                return true;
            }
            long count;
            if (st > 0) {
                count = limit - i0;
                if (st != 1) {
                    count = Long.divideUnsigned(count, st);
                }
            } else {
                count = i0 - limit;
                count = Long.divideUnsigned(count, -(st + 1) + 1L);
            }
            R[ra + 1] = INT;
            N[ra + 1] = count;
            return false;
        }
        double fLimit = forNumber(L, R, N, ra + 1, "limit");
        double fStep = forNumber(L, R, N, ra + 2, "step");
        double fInit = forNumber(L, R, N, ra, "initial value");
        if (fStep == 0) {
            throw Errors.runtime(L, "'for' step is zero");
        }
        if (fStep > 0 ? fLimit < fInit : fInit < fLimit) {
            return true;
        }
        storeFloat(R, N, ra, fInit);
        storeFloat(R, N, ra + 1, fLimit);
        storeFloat(R, N, ra + 2, fStep);
        storeFloat(R, N, ra + 3, fInit);
        return false;
    }

    private static double forNumber(LuaState L, Object[] R, long[] N, int reg, String what) {
        Object tag = R[reg];
        if (tag == INT) {
            return (double) N[reg];
        }
        if (tag == FLT) {
            return Double.longBitsToDouble(N[reg]);
        }
        Object num = toNumberTag(R, N, reg);
        if (num == null) {
            throw forError(L, R[reg], what);
        }
        return toDouble(num, N[reg]);
    }

    private static LuaError forError(LuaState L, Object v, String what) {
        return Errors.runtime(L, "bad 'for' " + what + " (number expected, got " + Errors.objTypeName(L, v) + ")");
    }

    /** Converts a numeric string in register {@code reg} to a number in place; returns its tag or null. */
    private static Object toNumberTag(Object[] R, long[] N, int reg) {
        if (R[reg] instanceof String s) {
            Object n = LuaNumbers.parse(s);
            if (n != null) {
                Slots.set(R, N, reg, n);
                return R[reg];
            }
        }
        return null;
    }
}
