package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * The interpreter's slow paths: operations that need metamethods, coercions or errors. A Lua
 * metamethod runs as a heap frame flagged {@code finishOp}; when it returns, {@link #finishOp}
 * completes the interrupted instruction (like Lua's luaV_finishOp), so metamethods can yield and
 * deep __index recursion does not grow the Java stack. Methods returning a {@link LuaState} return
 * null when the operation completed, or the state to continue with when a frame was pushed.
 */
final class Meta {
    private static final Object INT = Slots.INT;
    private static final Object FLT = Slots.FLT;
    /** Most chars a number takes as text ("%.14g" or a 64-bit integer), for sizing a concatenation. */
    private static final int NUMBER_TEXT_BYTES = 24;
    private static final String[] EVENT_KEYS = {"__index", "__newindex", "__gc", "__mode", "__len", "__eq", "__add",
        "__sub", "__mul", "__mod", "__pow", "__div", "__idiv", "__band", "__bor", "__bxor", "__shl", "__shr", "__unm",
        "__bnot", "__lt", "__le", "__concat", "__call", "__close"};

    private Meta() {
    }

    /**
     * Calls metamethod {@code h} with the given arguments on top of the running Lua frame {@code f}.
     * Returns null when it completed (its single result is then at {@code L.refs[func]}, where
     * func is the {@code L.top} on entry) or the state to continue with.
     */
    private static LuaState callMeta(LuaState L, Object h, Object a1, Object a2, Object a3, int nargs, int nres) {
        Errors.checkJavaCalls(L);
        int depth = L.depth;
        int func = L.top;
        L.ensure(4);
        Slots.set(L.refs, L.nums, func, h);
        Slots.set(L.refs, L.nums, func + 1, a1);
        Slots.set(L.refs, L.nums, func + 2, a2);
        if (nargs == 3) {
            Slots.set(L.refs, L.nums, func + 3, a3);
        }
        L.top = func + 1 + nargs;
        LuaState next = Calls.precall(L, func, nres);
        if (next == null) {
            if (nres == 0) {
                L.refs[func] = null;
            }
            L.top = func;
            return null;
        }
        L.frames[depth + 1].finishOp = true;
        L.cCalls++;
        return next;
    }

    /** Completes the instruction interrupted by metamethod frame {@code mf}, now popped. */
    static void finishOp(LuaState L, CallFrame mf) {
        mf.finishOp = false;
        L.cCalls--;
        CallFrame cf = L.frames[L.depth];
        int[] code = Interpreter.proto(cf).code;
        int i = code[cf.pc - 1];
        int base = cf.base;
        int res = mf.func;
        switch (i & 0x7F) {
            case Interpreter.OP_MMBIN: case Interpreter.OP_MMBINI: case Interpreter.OP_MMBINK:
                copy(L, res, base + ((code[cf.pc - 2] >>> 7) & 0xFF));
                break;
            case Interpreter.OP_UNM: case Interpreter.OP_BNOT: case Interpreter.OP_LEN: case Interpreter.OP_GETTABUP:
            case Interpreter.OP_GETTABLE: case Interpreter.OP_GETI: case Interpreter.OP_GETFIELD: case Interpreter.OP_SELF:
                copy(L, res, base + ((i >>> 7) & 0xFF));
                break;
            case Interpreter.OP_EQ: case Interpreter.OP_LT: case Interpreter.OP_LE: case Interpreter.OP_LTI:
            case Interpreter.OP_LEI: case Interpreter.OP_GTI: case Interpreter.OP_GEI: {
                Object r = L.refs[res];
                boolean cond = (r != null && r != Boolean.FALSE) != mf.negate;
                mf.negate = false;
                if (cond != ((i & 0x8000) != 0)) {
                    cf.pc++;
                }
                break;
            }
            case Interpreter.OP_CONCAT: {
                int ra = base + ((i >>> 7) & 0xFF);
                copy(L, res, res - 2);
                int n = res - 1 - ra;
                if (n > 1) {
                    cf.pendingConcat = n;
                    cf.pc--;
                }
                break;
            }
            case Interpreter.OP_CLOSE: case Interpreter.OP_RETURN:
                rerunAfterClose(L, cf, i);
                break;
            default:
                break;
        }
    }

    private static void copy(LuaState L, int from, int to) {
        L.refs[to] = L.refs[from];
        L.nums[to] = L.nums[from];
    }

    private static void store(LuaState L, int reg, Object v) {
        Slots.set(L.refs, L.nums, reg, v);
    }

    // ------------------------------------------------------------------ indexing

    /** Result of {@link #indexChain} when a metamethod must be called: the full {@link #index} must run. */
    static final Object SLOW = new Object();

    /**
     * {@code t[key]} for a string key that {@code t} lacks, as long as every {@code __index} on the
     * way is a table: the common class-inheritance chain, resolved without leaving the dispatch
     * loop. Returns the value (null for nil), or {@link #SLOW} when a function handler or a
     * non-table is met or the chain is too long.
     */
    static Object indexChain(LuaTable t, String key) {
        for (int loop = 0; loop < Metatables.MAX_TAG_LOOP; loop++) {
            LuaTable mt = t.getMetatable();
            if (mt == null) {
                return null;
            }
            Object h = mt.metamethod(LuaTable.TM_INDEX);
            if (h == null) {
                return null;
            }
            if (!(h instanceof LuaTable ht)) {
                return SLOW;
            }
            Object v = ht.get(key);
            if (v != null) {
                return v;
            }
            t = ht;
        }
        return SLOW;
    }

    /** Method {@code key} of a string ({@code s:key}) when the string metatable's __index chain has only tables; else SLOW. */
    static Object stringMethod(Vm vm, String key) {
        LuaTable mt = vm.getStringMetatable();
        if (mt == null) {
            return SLOW;
        }
        Object h = mt.metamethod(LuaTable.TM_INDEX);
        if (!(h instanceof LuaTable ht)) {
            return SLOW;
        }
        Object v = ht.get(key);
        return v != null ? v : indexChain(ht, key);
    }

    /** Whether a store into {@code t} is raw whatever the key: no metatable, or one without __newindex. */
    static boolean rawSettable(LuaTable t) {
        LuaTable mt = t.getMetatable();
        return mt == null || mt.metamethod(LuaTable.TM_NEWINDEX) == null;
    }

    static LuaState index(LuaState L, CallFrame f, Object t, Object key, int ra) {
        for (int loop = 0; loop < Metatables.MAX_TAG_LOOP; loop++) {
            Object h;
            if (t instanceof LuaTable tt) {
                Object v = tt.get(key);
                if (v != null) {
                    store(L, ra, v);
                    return L;
                }
                LuaTable mt = tt.getMetatable();
                h = mt == null ? null : mt.metamethod(LuaTable.TM_INDEX);
                if (h == null) {
                    L.refs[ra] = null;
                    return L;
                }
            } else {
                h = Metatables.metafield(L, t, "__index");
                if (h == null) {
                    throw Errors.indexError(L, f, t, loop == 0);
                }
            }
            if (h instanceof LuaFunction) {
                L.top = f.base + Interpreter.proto(f).maxStackSize;
                int func = L.top;
                LuaState next = callMeta(L, h, t, key, null, 2, 1);
                if (next == null) {
                    copy(L, func, ra);
                    return L;
                }
                return next;
            }
            t = h;
        }
        throw Errors.runtime(L, "'__index' chain too long; possible loop");
    }

    static LuaState setIndex(LuaState L, CallFrame f, Object t, Object key, Object v) {
        for (int loop = 0; loop < Metatables.MAX_TAG_LOOP; loop++) {
            Object h;
            if (t instanceof LuaTable tt) {
                LuaTable mt = tt.getMetatable();
                h = mt == null ? null : mt.metamethod(LuaTable.TM_NEWINDEX);
                if (h == null || tt.get(key) != null) {
                    Metatables.rawSet(L, tt, key, v);
                    return L;
                }
            } else {
                h = Metatables.metafield(L, t, "__newindex");
                if (h == null) {
                    throw Errors.indexError(L, f, t, loop == 0);
                }
            }
            if (h instanceof LuaFunction) {
                L.top = f.base + Interpreter.proto(f).maxStackSize;
                LuaState next = callMeta(L, h, t, key, v, 3, 0);
                return next != null ? next : L;
            }
            t = h;
        }
        throw Errors.runtime(L, "'__newindex' chain too long; possible loop");
    }

    // ------------------------------------------------------------------ arithmetic

    /** MMBIN/MMBINI/MMBINK {@code mm} after the arithmetic instruction {@code op} failed its fast path. */
    static LuaState arith(LuaState L, CallFrame f, int mm, int op) {
        int base = f.base;
        int ra = base + ((mm >>> 7) & 0xFF);
        int event = mm >>> 24;
        int b = (mm >>> 16) & 0xFF;
        Object p1 = Slots.get(L.refs, L.nums, ra);
        Object p2;
        int reg1 = ra;
        int reg2 = -1;
        switch (mm & 0x7F) {
            case Interpreter.OP_MMBIN:
                p2 = Slots.get(L.refs, L.nums, base + b);
                reg2 = base + b;
                break;
            case Interpreter.OP_MMBINI:
                p2 = (long) (b - 127);
                break;
            default:
                p2 = Interpreter.proto(f).constants[b];
                break;
        }
        if ((mm & 0x8000) != 0) {
            Object t = p1;
            p1 = p2;
            p2 = t;
            int r = reg1;
            reg1 = reg2;
            reg2 = r;
        }
        int dest = base + ((op >>> 7) & 0xFF);
        return binary(L, f, event, p1, p2, reg1, reg2, dest);
    }

    private static LuaState binary(LuaState L, CallFrame f, int event, Object p1, Object p2, int reg1, int reg2,
                                   int dest) {
        int aop = event - Arith.EVENT_BASE;
        boolean bitwise = aop >= Arith.BAND && aop <= Arith.SHR || aop == Arith.BNOT;
        Object h = metamethod(L, p1, EVENT_KEYS[event]);
        if (h == null) {
            h = metamethod(L, p2, EVENT_KEYS[event]);
        }
        if (h != null) {
            int func = L.top;
            LuaState next = callMeta(L, h, p1, p2, null, 2, 1);
            if (next == null) {
                copy(L, func, dest);
                return L;
            }
            return next;
        }
        if (bitwise) {
            if (isNumber(p1) && isNumber(p2)) {
                int badReg = p1 instanceof Double d && !LuaNumbers.fitsInteger(d) ? reg1 : reg2;
                String info = badReg >= 0 ? DebugInfo.varInfo(f, badReg - f.base) : "";
                throw Errors.runtime(L, "number" + info + " has no integer representation");
            }
            boolean firstBad = !isNumber(p1);
            throw Errors.typeError(L, f, firstBad ? p1 : p2, "perform bitwise operation on", firstBad ? reg1 : reg2);
        }
        boolean firstBad = !isNumber(p1);
        throw Errors.typeError(L, f, firstBad ? p1 : p2, "perform arithmetic on", firstBad ? reg1 : reg2);
    }

    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    private static Object metamethod(LuaState L, Object v, String event) {
        return Metatables.metafield(L, v, event);
    }

    /** UNM, BNOT and LEN when the fast path did not apply. */
    static LuaState unary(LuaState L, CallFrame f, int i) {
        int ra = f.base + ((i >>> 7) & 0xFF);
        int rb = f.base + ((i >>> 16) & 0xFF);
        Object v = Slots.get(L.refs, L.nums, rb);
        int op = i & 0x7F;
        if (op == Interpreter.OP_LEN) {
            Object h = metamethod(L, v, "__len");
            if (h == null) {
                if (v instanceof LuaTable t) {
                    L.refs[ra] = INT;
                    L.nums[ra] = t.length();
                    return L;
                }
                if (v instanceof String s) {
                    L.refs[ra] = INT;
                    L.nums[ra] = s.length();
                    return L;
                }
                throw Errors.typeError(L, f, v, "get length of", rb);
            }
            int func = L.top;
            LuaState next = callMeta(L, h, v, v, null, 2, 1);
            if (next == null) {
                copy(L, func, ra);
                return L;
            }
            return next;
        }
        int event = op == Interpreter.OP_UNM ? Arith.UNM + Arith.EVENT_BASE : Arith.BNOT + Arith.EVENT_BASE;
        if (op == Interpreter.OP_BNOT && isNumber(v)) {
            if (v instanceof Long l) {
                store(L, ra, ~l);
                return L;
            }
            double d = (Double) v;
            if (LuaNumbers.fitsInteger(d)) {
                store(L, ra, ~(long) d);
                return L;
            }
        }
        return binary(L, f, event, v, v, rb, rb, ra);
    }

    // ------------------------------------------------------------------ concatenation

    /**
     * CONCAT of the {@code n} values at {@code ra}, right to left, with __concat where needed. When
     * the instruction runs again after a __concat frame, fewer values are left (pendingConcat).
     */
    static LuaState concat(LuaState L, CallFrame f, int ra, int n) {
        if (f.pendingConcat > 0) {
            n = f.pendingConcat;
            f.pendingConcat = 0;
        }
        L.top = ra + n;
        while (n > 1) {
            Object[] R = L.refs;
            int top = ra + n;
            if (!isStringLike(R[top - 2]) || !isStringLike(R[top - 1])) {
                Object a = Slots.get(R, L.nums, top - 2);
                Object b = Slots.get(R, L.nums, top - 1);
                Object h = metamethod(L, a, "__concat");
                if (h == null) {
                    h = metamethod(L, b, "__concat");
                }
                if (h == null) {
                    boolean firstBad = !isStringLike(R[top - 2]);
                    throw Errors.typeError(L, f, firstBad ? a : b, "concatenate", firstBad ? top - 2 : top - 1);
                }
                L.top = top;
                LuaState next = callMeta(L, h, a, b, null, 2, 1);
                if (next != null) {
                    return next;
                }
                copy(L, top, top - 2);
                n--;
                continue;
            }
            int k = 2;
            while (k < n && isStringLike(R[top - k - 1])) {
                k++;
            }
            long length = 0;
            for (int j = top - k; j < top; j++) {
                length += R[j] instanceof String s ? s.length() : NUMBER_TEXT_BYTES;
            }
            if (length > Integer.MAX_VALUE) {
                throw Errors.runtime(L, "string length overflow");
            }
            // The builder and the string it makes; nothing else is allocated meanwhile.
            L.vm.memory().allocate(length + MemoryMeter.stringBytes(length));
            StringBuilder sb = new StringBuilder((int) length);
            for (int j = top - k; j < top; j++) {
                appendString(sb, R[j], L.nums[j]);
            }
            R[top - k] = sb.toString();
            n -= k - 1;
        }
        return L;
    }

    private static boolean isStringLike(Object ref) {
        return ref instanceof String || ref == INT || ref == FLT;
    }

    private static void appendString(StringBuilder sb, Object ref, long num) {
        if (ref == INT) {
            sb.append(LuaNumbers.toString(num));
        } else if (ref == FLT) {
            sb.append(LuaNumbers.toString(Double.longBitsToDouble(num)));
        } else {
            sb.append((String) ref);
        }
    }

    // ------------------------------------------------------------------ comparisons

    /** EQ between two different tables: __eq from either. */
    static LuaState eqTables(LuaState L, CallFrame f, LuaTable a, LuaTable b) {
        Object h = Metatables.eqHandler(a, b);
        if (h == null) {
            return conditionalSkip(L, f, false);
        }
        return compareCall(L, f, h, a, b, false);
    }

    /**
     * Calls a comparison metamethod. When it completes at once, applies the result: the jump after
     * the comparison is skipped when the result differs from the instruction's k bit.
     */
    private static LuaState compareCall(LuaState L, CallFrame f, Object h, Object a, Object b, boolean negate) {
        int depth = L.depth;
        int func = L.top;
        LuaState next = callMeta(L, h, a, b, null, 2, 1);
        if (next != null) {
            L.frames[depth + 1].negate = negate;
            return next;
        }
        Object r = L.refs[func];
        return conditionalSkip(L, f, (r != null && r != Boolean.FALSE) != negate);
    }

    private static LuaState conditionalSkip(LuaState L, CallFrame f, boolean cond) {
        int i = Interpreter.proto(f).code[f.pc - 1];
        if (cond != ((i & 0x8000) != 0)) {
            f.pc++;
        }
        return L;
    }

    /** LT/LE when not both operands are of the same number kind. */
    static LuaState order(LuaState L, CallFrame f, int op, Object ta, long na, Object tb, long nb) {
        boolean orEqual = op == Interpreter.OP_LE;
        if (Arith.isNumber(ta) && Arith.isNumber(tb)) {
            return conditionalSkip(L, f, Arith.less(ta, na, tb, nb, orEqual));
        }
        if (ta instanceof String x && tb instanceof String y) {
            int c = x.compareTo(y);
            return conditionalSkip(L, f, orEqual ? c <= 0 : c < 0);
        }
        return orderMeta(L, f, orEqual, Slots.box(ta, na), Slots.box(tb, nb));
    }

    /** LTI/LEI/GTI/GEI on a non-number: metamethods with the immediate as the other operand. */
    static LuaState orderImmediate(LuaState L, CallFrame f, int i, Object ta, long na) {
        int op = i & 0x7F;
        int imm = ((i >>> 16) & 0xFF) - 127;
        Object other = (i >>> 24) != 0 ? (Object) (double) imm : (Object) (long) imm;
        Object v = Slots.box(ta, na);
        boolean orEqual = op == Interpreter.OP_LEI || op == Interpreter.OP_GEI;
        if (op == Interpreter.OP_GTI || op == Interpreter.OP_GEI) {
            return orderMeta(L, f, orEqual, other, v);
        }
        return orderMeta(L, f, orEqual, v, other);
    }

    private static LuaState orderMeta(LuaState L, CallFrame f, boolean orEqual, Object a, Object b) {
        String event = orEqual ? "__le" : "__lt";
        Object h = metamethod(L, a, event);
        if (h == null) {
            h = metamethod(L, b, event);
        }
        if (h != null) {
            return compareCall(L, f, h, a, b, false);
        }
        if (orEqual) {
            h = metamethod(L, b, "__lt");
            if (h == null) {
                h = metamethod(L, a, "__lt");
            }
            if (h != null) {
                return compareCall(L, f, h, b, a, true);
            }
        }
        throw Errors.runtime(L, compareError(L, a, b));
    }

    private static String compareError(LuaState L, Object a, Object b) {
        String t1 = Errors.objTypeName(L, a);
        String t2 = Errors.objTypeName(L, b);
        if (t1.equals(t2)) {
            return "attempt to compare two " + t1 + " values";
        }
        return "attempt to compare " + t1 + " with " + t2;
    }

    // ------------------------------------------------------------------ to-be-closed variables

    /** TBC: registers a to-be-closed variable (nil and false are ignored). */
    static void markTbc(LuaState L, CallFrame f, int idx) {
        Object v = L.refs[idx];
        if (v == null || v == Boolean.FALSE) {
            return;
        }
        if (metamethod(L, Slots.get(L.refs, L.nums, idx), "__close") == null) {
            String name = Interpreter.proto(f).localName(idx - f.base, f.pc - 1);
            throw Errors.runtime(L, "variable '" + (name == null ? "?" : name) + "' got a non-closable value");
        }
        L.pushTbc(idx);
    }

    /**
     * Calls __close(value, nil) for the to-be-closed variables at or above {@code level}, last
     * first, for the CLOSE or RETURN instruction just executed; that instruction then runs again
     * (after the last handler, or after each one running as a frame) to finish its work.
     */
    static LuaState closeTbc(LuaState L, CallFrame f, int level) {
        while (L.tbcCount > 0 && L.tbc[L.tbcCount - 1] >= level) {
            int idx = L.tbc[--L.tbcCount];
            Object v = Slots.get(L.refs, L.nums, idx);
            Object h = metamethod(L, v, "__close");
            LuaState next = callMeta(L, h, v, null, null, 2, 0);
            if (next != null) {
                return next;
            }
        }
        rerunAfterClose(L, f, Interpreter.proto(f).code[f.pc - 1]);
        return L;
    }

    /** Makes the CLOSE/RETURN instruction {@code i} of frame {@code f} run again, with RETURN's values back on top. */
    private static void rerunAfterClose(LuaState L, CallFrame f, int i) {
        if ((i & 0x7F) == Interpreter.OP_RETURN) {
            L.top = f.base + ((i >>> 7) & 0xFF) + f.pendingResults;
        }
        f.pc--;
    }
}
