package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * The common case of the opcodes, with operands passed in as absolute register indexes, shared by
 * {@link Interpreter}'s dispatch loop and the code {@link JitCompiler} generates. They are small so
 * that HotSpot inlines them into both, where in compiled code the operands become constants. A
 * {@code false} (or {@link #SLOW}) result means the common case does not apply: the caller hands the
 * instruction to {@link ColdOps}, or to the MMBIN after it.
 */
final class FastPaths {
    /** Result of a comparison whose operands need the general case. */
    static final int SLOW = 2;

    private static final Object INT = Slots.INT;
    private static final Object FLT = Slots.FLT;

    private FastPaths() {
    }

    /** Runs instruction {@code i} the general way, with the frame's pc saved just past it. */
    static LuaState cold(LuaState L, CallFrame f, int pcNext, int i) {
        f.pc = pcNext;
        return ColdOps.execute(L, f, i);
    }

    /** Whether the compiled code of frame {@code f} may go on after a step that left {@code next} to run. */
    static boolean stays(LuaState next, LuaState L, CallFrame f) {
        return next == L && L.frames[L.depth] == f;
    }

    /** Ends a fuel slice at a backward jump to {@code target}, the place the VM resumes from. */
    static void trap(Vm vm, CallFrame f, int target) {
        f.pc = target;
        vm.trap();
    }

    static boolean arithFloat(Object[] R, long[] N, int ra, int rb, int rc, int op) {
        Object tb = R[rb];
        Object tc = R[rc];
        if (!Arith.isNumber(tb) || !Arith.isNumber(tc)) {
            return false;
        }
        double x = Arith.toDouble(tb, N[rb]);
        double y = Arith.toDouble(tc, N[rc]);
        N[ra] = Double.doubleToRawLongBits(op == Arith.ADD ? x + y : op == Arith.SUB ? x - y : op == Arith.MUL ? x * y
                : x / y);
        R[ra] = FLT;
        return true;
    }

    static boolean arithFloatK(Object[] R, long[] N, int ra, int rb, double y, int op) {
        Object tb = R[rb];
        if (!Arith.isNumber(tb)) {
            return false;
        }
        double x = Arith.toDouble(tb, N[rb]);
        N[ra] = Double.doubleToRawLongBits(op == Arith.ADD ? x + y : op == Arith.SUB ? x - y : op == Arith.MUL ? x * y
                : x / y);
        R[ra] = FLT;
        return true;
    }

    /** {@code %} or {@code //}, integer or float; false when an operand is not a number (MMBIN runs next). */
    static boolean divide(LuaState L, Object[] R, long[] N, int ra, Object tb, long nb, Object tc, long nc, int op) {
        if (tb == INT && tc == INT && nc != 0) {
            N[ra] = op == Arith.MOD ? Math.floorMod(nb, nc) : Math.floorDiv(nb, nc);
            R[ra] = INT;
            return true;
        }
        return Arith.arith(L, op, R, N, ra, tb, nb, tc, nc);
    }

    static boolean bitwise(Object[] R, long[] N, int ra, Object tb, long x, Object tc, long y, int op) {
        if (tb != INT || tc != INT) {
            return false;
        }
        N[ra] = op == Arith.BAND ? x & y : op == Arith.BOR ? x | y : op == Arith.BXOR ? x ^ y
                : LuaNumbers.shiftLeft(x, -y);
        R[ra] = INT;
        return true;
    }

    static boolean unaryMinus(Object[] R, long[] N, int ra, int rb) {
        Object tb = R[rb];
        if (tb == INT) {
            N[ra] = -N[rb];
        } else if (tb == FLT) {
            N[ra] = Double.doubleToRawLongBits(-Double.longBitsToDouble(N[rb]));
        } else {
            return false;
        }
        R[ra] = tb;
        return true;
    }

    static boolean length(Object[] R, long[] N, int ra, int rb) {
        if (R[rb] instanceof LuaTable t
                && (t.getMetatable() == null || t.getMetatable().metamethod(LuaTable.TM_LEN) == null)) {
            R[ra] = INT;
            N[ra] = t.length();
            return true;
        }
        return false;
    }

    static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    /** {@code <} ({@code orEqual} false) or {@code <=} of two registers: 1 or 0, or {@link #SLOW}. */
    static int less(Object[] R, long[] N, int ra, int rb, boolean orEqual) {
        Object ta = R[ra];
        Object tb = R[rb];
        if (ta == INT && tb == INT) {
            return (orEqual ? N[ra] <= N[rb] : N[ra] < N[rb]) ? 1 : 0;
        }
        if (ta == FLT && tb == FLT) {
            double x = Double.longBitsToDouble(N[ra]);
            double y = Double.longBitsToDouble(N[rb]);
            return (orEqual ? x <= y : x < y) ? 1 : 0;
        }
        return SLOW;
    }

    /** EQI, LTI, LEI, GTI or GEI of a register and an immediate: 1 or 0, or {@link #SLOW}. */
    static int compareImmediate(Object[] R, long[] N, int ra, int imm, int op) {
        Object ta = R[ra];
        if (ta == INT) {
            long x = N[ra];
            boolean cond = op == Interpreter.OP_EQI ? x == imm : op == Interpreter.OP_LTI ? x < imm
                    : op == Interpreter.OP_LEI ? x <= imm : op == Interpreter.OP_GTI ? x > imm : x >= imm;
            return cond ? 1 : 0;
        }
        if (ta == FLT) {
            double x = Double.longBitsToDouble(N[ra]);
            boolean cond = op == Interpreter.OP_EQI ? x == imm : op == Interpreter.OP_LTI ? x < imm
                    : op == Interpreter.OP_LEI ? x <= imm : op == Interpreter.OP_GTI ? x > imm : x >= imm;
            return cond ? 1 : 0;
        }
        return op == Interpreter.OP_EQI ? 0 : SLOW;
    }

    /** EQ of two registers: 1 or 0, or {@link #SLOW} for two distinct tables (which may have {@code __eq}). */
    static int equal(Object[] R, long[] N, int ra, int rb) {
        Object ta = R[ra];
        Object tb = R[rb];
        if (ta == tb && ta != INT && ta != FLT) {
            return 1;
        }
        if (!(ta instanceof LuaTable) || !(tb instanceof LuaTable)) {
            return Arith.rawEquals(ta, N[ra], tb, N[rb]) ? 1 : 0;
        }
        return SLOW;
    }

    static void getUpvalue(Object[] R, long[] N, int ra, UpValue u) {
        Object[] ur = u.refs;
        if (ur != null) {
            R[ra] = ur[u.index];
            N[ra] = u.nums[u.index];
        } else {
            R[ra] = u.ref;
            N[ra] = u.num;
        }
    }

    static void setUpvalue(Object[] R, long[] N, int ra, UpValue u) {
        Object[] ur = u.refs;
        if (ur != null) {
            ur[u.index] = R[ra];
            u.nums[u.index] = N[ra];
        } else {
            u.ref = R[ra];
            u.num = N[ra];
        }
    }

    static boolean getTabUp(Object[] R, long[] N, int ra, UpValue u, String key, int[] hints, int at) {
        Object t = u.refs != null ? u.refs[u.index] : u.ref;
        if (t instanceof LuaTable tt) {
            Object v = hintedGet(tt, key, hints, at);
            if (v != null || tt.getMetatable() == null) {
                Slots.set(R, N, ra, v);
                return true;
            }
        }
        return false;
    }

    /**
     * The raw value of string {@code key} in {@code tt}, or null, found through the instruction's slot
     * hint at {@code hints[at]}, which is updated when the key sits elsewhere (GETFIELD, SELF, GETTABUP).
     */
    private static Object hintedGet(LuaTable tt, String key, int[] hints, int at) {
        int hint = hints[at];
        int slot = tt.slotOf(key, hint);
        if (slot < 0) {
            return null;
        }
        if (slot != hint) {
            hints[at] = slot;
        }
        return tt.valueAtSlot(slot);
    }

    /** GETFIELD, and SELF's lookup when {@code self} is not negative (then the table goes to {@code ra + 1} too). */
    static boolean getField(Object[] R, long[] N, int ra, int rb, String key, int[] hints, int at) {
        if (R[rb] instanceof LuaTable tt) {
            Object v = hintedGet(tt, key, hints, at);
            if (v == null) {
                v = Meta.indexChain(tt, key);
            }
            if (v != Meta.SLOW) {
                Slots.set(R, N, ra, v);
                return true;
            }
        }
        return false;
    }

    static boolean self(Object[] R, long[] N, int ra, int rb, String key, int[] hints, int at) {
        R[ra + 1] = R[rb];
        N[ra + 1] = N[rb];
        return getField(R, N, ra, rb, key, hints, at);
    }

    static boolean getTable(Object[] R, long[] N, int ra, int rb, int rc) {
        if (R[rb] instanceof LuaTable tt) {
            Object kt = R[rc];
            Object v = kt == INT ? tt.get(N[rc]) : kt instanceof String s ? tt.get(s) : Meta.SLOW;
            if (v != Meta.SLOW && (v != null || tt.getMetatable() == null)) {
                Slots.set(R, N, ra, v);
                return true;
            }
        }
        return false;
    }

    static boolean getIndex(Object[] R, long[] N, int ra, int rb, long key) {
        if (R[rb] instanceof LuaTable tt) {
            Object v = tt.get(key);
            if (v != null || tt.getMetatable() == null) {
                Slots.set(R, N, ra, v);
                return true;
            }
        }
        return false;
    }

    static boolean setField(Object[] R, int ra, String key, Object v, int[] hints, int at) {
        if (R[ra] instanceof LuaTable tt) {
            int hint = hints[at];
            int slot = tt.slotOf(key, hint);
            if (slot >= 0 && tt.valueAtSlot(slot) != null) {
                if (slot != hint) {
                    hints[at] = slot;
                }
                tt.replaceAtSlot(slot, v);
                return true;
            }
            if (Meta.rawSettable(tt)) {
                tt.put(key, v);
                return true;
            }
        }
        return false;
    }

    static boolean setTable(Object[] R, long[] N, int ra, int rb, Object v) {
        Object kt = R[rb];
        if (R[ra] instanceof LuaTable tt && (kt == INT || kt instanceof String) && Meta.rawSettable(tt)) {
            if (kt == INT) {
                tt.put(N[rb], v);
            } else {
                tt.put((String) kt, v);
            }
            return true;
        }
        return false;
    }

    static boolean setIndex(Object[] R, int ra, long key, Object v) {
        if (R[ra] instanceof LuaTable tt && Meta.rawSettable(tt)) {
            tt.put(key, v);
            return true;
        }
        return false;
    }

    /** FORLOOP with a float step: true when the loop goes on (the index has been advanced). */
    static boolean floatLoop(long[] N, Object[] R, int ra) {
        double step = Double.longBitsToDouble(N[ra + 2]);
        double limit = Double.longBitsToDouble(N[ra + 1]);
        double idx = Double.longBitsToDouble(N[ra]) + step;
        if (step > 0 ? idx <= limit : limit <= idx) {
            long bits = Double.doubleToRawLongBits(idx);
            N[ra] = bits;
            N[ra + 3] = bits;
            R[ra + 3] = FLT;
            return true;
        }
        return false;
    }

    /** CALL: a Lua callee gets a frame and runs next in the interpreter's loop; others run now. */
    static LuaState call(LuaState L, CallFrame f, Vm vm, int ra, int b, int nResults, int pcNext) {
        if (b != 0) {
            L.top = ra + b;
        }
        f.pc = pcNext;
        if (--vm.fuel < 0) {
            vm.trapAtCall();
        }
        if (L.refs[ra] instanceof LuaClosure callee) {
            Calls.pushLua(L, callee, ra, nResults);
            return L;
        }
        return Calls.call(L, ra, nResults);
    }

    static LuaState return0(LuaState L, CallFrame f) {
        Object[] R = L.refs;
        int func = f.func;
        int wanted = f.nResults;
        for (int j = 0; j < wanted; j++) {
            R[func + j] = null;
        }
        L.top = wanted < 0 ? func : func + wanted;
        return popped(L, f);
    }

    static LuaState return1(LuaState L, CallFrame f, int ra) {
        Object[] R = L.refs;
        long[] N = L.nums;
        int func = f.func;
        int wanted = f.nResults;
        R[func] = R[ra];
        N[func] = N[ra];
        for (int j = 1; j < wanted; j++) {
            R[func + j] = null;
        }
        L.top = wanted < 0 ? func + 1 : func + wanted;
        return popped(L, f);
    }

    private static LuaState popped(LuaState L, CallFrame f) {
        L.depth--;
        if (f.finishOp) {
            Meta.finishOp(L, f);
        }
        return L;
    }

    static RuntimeException badEntry(int pc) {
        return new IllegalStateException("compiled code entered at pc " + pc);
    }
}
