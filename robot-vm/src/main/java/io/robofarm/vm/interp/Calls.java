package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.code.UpvalueDesc;
import io.robofarm.vm.value.LuaTable;

/**
 * Calls and returns on a coroutine's stack: pushing Lua frames, running Java functions, moving
 * results into place, and finishing the marker frames of pcall/xpcall and coroutine bodies.
 *
 * <p>Methods that may start running something else return the {@link LuaState} the interpreter
 * must continue with (a Lua frame was pushed, or execution switched to another coroutine), or
 * null when the call already completed and its results are in place.
 */
final class Calls {
    /** Estimated bytes of a closure and its upvalue array header, without the references. */
    private static final long CLOSURE_BYTES = 32;

    private Calls() {
    }

    /** Pushes a frame for Lua function {@code cl} at {@code func}; its arguments end at {@code L.top}. */
    static void pushLua(LuaState L, LuaClosure cl, int func, int nResults) {
        FunctionCode fc = cl.code;
        int base = func + 1;
        int nargs = L.top - base;
        int need = base + fc.maxStackSize + (fc.isVararg ? nargs + 1 : 0);
        Object[] R = L.refs;
        if (need > R.length) {
            L.grow(need);
            R = L.refs;
        }
        for (int j = nargs; j < fc.numParams; j++) {
            R[base + j] = null;
        }
        int d = L.depth + 1;
        CallFrame nf = d < L.frames.length ? L.frames[d] : L.nextFrame();
        L.depth = d;
        nf.kind = CallFrame.LUA;
        nf.closure = cl;
        nf.javaFunction = null;
        nf.pc = 0;
        nf.func = func;
        nf.base = base;
        nf.nResults = nResults;
        nf.nVarargs = 0;
        nf.finishOp = false;
        nf.negate = false;
        nf.tailCall = false;
        nf.pendingConcat = 0;
    }

    /** Replaces frame {@code f} by a call of {@code cl} whose function and arguments start at {@code ra}. */
    static void tailCall(LuaState L, CallFrame f, LuaClosure cl, int ra) {
        int n = L.top - ra;
        int func = f.func;
        System.arraycopy(L.refs, ra, L.refs, func, n);
        System.arraycopy(L.nums, ra, L.nums, func, n);
        L.top = func + n;
        Prototype p = cl.code.proto;
        int base = func + 1;
        int nargs = n - 1;
        int need = base + p.maxStackSize + (p.isVararg ? nargs + 1 : 0);
        if (need > L.refs.length) {
            L.grow(need);
        }
        Object[] R = L.refs;
        for (int j = nargs; j < p.numParams; j++) {
            R[base + j] = null;
        }
        f.closure = cl;
        f.pc = 0;
        f.base = base;
        f.nVarargs = 0;
        f.tailCall = true;
        f.pendingConcat = 0;
    }

    /**
     * VARARGPREP: moves the function and its fixed parameters above the actual arguments, so the
     * extra arguments stay below the new base. Returns the new base.
     */
    static int varargPrep(LuaState L, CallFrame f, Prototype p, int nfix) {
        int base = f.base;
        int nargs = L.top - base;
        int extra = nargs - nfix;
        if (extra <= 0) {
            f.nVarargs = 0;
            return base;
        }
        Object[] R = L.refs;
        long[] N = L.nums;
        int newFunc = L.top;
        R[newFunc] = R[base - 1];
        N[newFunc] = N[base - 1];
        for (int j = 0; j < nfix; j++) {
            R[newFunc + 1 + j] = R[base + j];
            N[newFunc + 1 + j] = N[base + j];
            R[base + j] = null;
        }
        f.base = newFunc + 1;
        f.nVarargs = extra;
        return f.base;
    }

    /** SETLIST {@code i} at {@code ra}; returns the next pc (past an EXTRAARG holding a large index). */
    static int setList(LuaState L, int[] code, int pc, int i, int ra) {
        int n = (i >>> 16) & 0xFF;
        long last = i >>> 24;
        if (n == 0) {
            n = L.top - ra - 1;
        }
        if ((i & 0x8000) != 0) {
            last += (long) (code[pc] >>> 7) * 256;
            pc++;
        }
        LuaTable t = (LuaTable) L.refs[ra];
        for (int j = 1; j <= n; j++) {
            t.put(last + j, Slots.get(L.refs, L.nums, ra + j));
        }
        return pc;
    }

    /** CLOSURE: a closure of {@code child} capturing registers of the frame at {@code base} or upvalues {@code up}. */
    static LuaClosure closure(LuaState L, FunctionCode child, UpValue[] up, int base) {
        UpvalueDesc[] descs = child.proto.upvalues;
        L.vm.memory().allocate(CLOSURE_BYTES + 4L * descs.length);
        UpValue[] ups = new UpValue[descs.length];
        for (int j = 0; j < descs.length; j++) {
            UpvalueDesc d = descs[j];
            ups[j] = d.inStack() ? L.findUpvalue(base + d.index()) : up[d.index()];
        }
        return new LuaClosure(child, ups);
    }

    /** VARARG: copies {@code n} extra arguments (all of them when -1, setting top) to {@code ra}. */
    static void vararg(LuaState L, CallFrame f, int ra, int n) {
        int extra = f.nVarargs;
        if (n < 0) {
            n = extra;
            L.top = ra;
            L.ensure(n);
            L.top = ra + n;
        }
        Object[] R = L.refs;
        long[] N = L.nums;
        int from = f.base - 1 - extra;
        for (int j = 0; j < n; j++) {
            if (j < extra) {
                R[ra + j] = R[from + j];
                N[ra + j] = N[from + j];
            } else {
                R[ra + j] = null;
            }
        }
    }

    /**
     * Calls the value at {@code func} with the arguments above it up to {@code L.top}: pushes a
     * frame for Lua functions, runs Java functions to completion, follows __call.
     */
    static LuaState precall(LuaState L, int func, int nResults) {
        for (int loop = 0; ; loop++) {
            Object fn = L.refs[func];
            if (fn instanceof LuaClosure cl) {
                pushLua(L, cl, func, nResults);
                return L;
            }
            if (fn instanceof Control control) {
                return control.invoke(L, func, nResults);
            }
            if (fn instanceof JavaFunction jf) {
                callJava(L, jf, func, nResults);
                return null;
            }
            Object handler = Metatables.metafield(L, fn, "__call");
            if (handler == null || loop >= Metatables.MAX_TAG_LOOP) {
                throw Errors.callError(L, func);
            }
            L.ensure(1);
            System.arraycopy(L.refs, func, L.refs, func + 1, L.top - func);
            System.arraycopy(L.nums, func, L.nums, func + 1, L.top - func);
            L.top++;
            Slots.set(L.refs, L.nums, func, handler);
        }
    }

    /** {@link #precall}, returning {@code L} itself when the call already completed. */
    static LuaState call(LuaState L, int func, int nResults) {
        LuaState next = precall(L, func, nResults);
        return next != null ? next : L;
    }

    /** Pushes a Java frame for {@code jf} at {@code func} (its arguments above it, up to top). */
    static CallFrame pushJava(LuaState L, JavaFunction jf, int func, int nResults, int kind) {
        CallFrame nf = L.nextFrame();
        L.depth++;
        nf.kind = kind;
        nf.javaFunction = jf;
        nf.closure = null;
        nf.func = func;
        nf.base = func + 1;
        nf.nResults = nResults;
        nf.finishOp = false;
        nf.negate = false;
        nf.tailCall = false;
        nf.handler = null;
        nf.wrap = false;
        return nf;
    }

    static void callJava(LuaState L, JavaFunction jf, int func, int nResults) {
        CallFrame nf = pushJava(L, jf, func, nResults, CallFrame.JAVA);
        int n = jf.call(L);
        int available = L.top - nf.base;
        if (n > available) {
            n = Math.max(available, 0);
        }
        poscall(L, nf, L.top - n, n);
    }

    /** Moves {@code n} results from {@code first} to the frame's function slot, pops the frame. */
    static void poscall(LuaState L, CallFrame f, int first, int n) {
        moveResults(L, first, n, f.func, f.nResults);
        L.depth--;
        f.javaFunction = null;
        f.handler = null;
        if (f.finishOp) {
            Meta.finishOp(L, f);
        }
    }

    /** RETURN from Lua frame {@code f} with {@code n} values at {@code ra}. */
    static void returnFromLua(LuaState L, CallFrame f, int ra, int n) {
        moveResults(L, ra, n, f.func, f.nResults);
        L.depth--;
        if (f.finishOp) {
            Meta.finishOp(L, f);
        }
    }

    static void moveResults(LuaState L, int first, int n, int res, int wanted) {
        if (wanted < 0) {
            if (res + n > L.refs.length) {
                L.grow(res + n);
            }
            System.arraycopy(L.refs, first, L.refs, res, n);
            System.arraycopy(L.nums, first, L.nums, res, n);
            L.top = res + n;
            return;
        }
        if (res + wanted > L.refs.length) {
            L.grow(res + wanted);
        }
        Object[] R = L.refs;
        int m = Math.min(n, wanted);
        System.arraycopy(R, first, R, res, m);
        System.arraycopy(L.nums, first, L.nums, res, m);
        for (int j = m; j < wanted; j++) {
            R[res + j] = null;
        }
        L.top = res + wanted;
    }

    /**
     * A marker frame became the top frame: the function it called has returned. Completes it and
     * returns the state to continue with.
     */
    static LuaState finishMarker(LuaState L, CallFrame f) {
        switch (f.kind) {
            case CallFrame.PCALL:
            case CallFrame.XPCALL:
                L.refs[f.func] = Boolean.TRUE;
                poscall(L, f, f.func, L.top - f.func);
                return L;
            case CallFrame.BASE:
                return Coroutines.finished(L);
            default:
                throw new IllegalStateException("unexpected frame kind " + f.kind);
        }
    }
}
