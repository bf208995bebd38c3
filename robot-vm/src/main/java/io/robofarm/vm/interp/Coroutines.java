package io.robofarm.vm.interp;

/**
 * Switching between coroutines without Java threads or Java recursion: resume parks a RESUME frame
 * on the resumer and hands the interpreter the coroutine's state; yield parks a YIELD frame on the
 * coroutine and hands back the resumer's state with the yielded values as results of its RESUME
 * frame.
 */
final class Coroutines {
    private Coroutines() {
    }

    /** A new suspended coroutine that will run {@code body}. */
    static Coroutine create(Vm vm, LuaFunction body) {
        vm.memory().allocate(LuaState.INITIAL_BYTES);
        Coroutine co = new Coroutine(vm);
        LuaState C = co.state;
        C.refs[0] = body;
        C.top = 1;
        return co;
    }

    /**
     * Resumes {@code co} with {@code n} arguments at {@code first} of {@code L}; {@code rf} is the
     * RESUME frame that receives the results when the coroutine yields, returns or fails.
     */
    static LuaState resume(LuaState L, CallFrame rf, Coroutine co, int first, int n) {
        String refusal = null;
        if (co.status == Coroutine.Status.DEAD) {
            refusal = "cannot resume dead coroutine";
        } else if (co.status != Coroutine.Status.SUSPENDED) {
            refusal = "cannot resume non-suspended coroutine";
        } else if (L.cBase + L.cCalls >= Vm.MAX_JAVA_CALLS) {
            refusal = "C stack overflow";
        }
        if (refusal != null) {
            if (rf.wrap) {
                throw new LuaError(L.where(1) + refusal);
            }
            L.refs[rf.func] = Boolean.FALSE;
            L.refs[rf.func + 1] = refusal;
            Calls.poscall(L, rf, rf.func, 2);
            return null;
        }
        rf.handler = co;
        LuaState C = co.state;
        C.cBase = L.cBase + L.cCalls + 1;
        co.resumer = L;
        co.status = Coroutine.Status.RUNNING;
        L.coroutine.status = Coroutine.Status.NORMAL;
        int at = C.top;
        C.ensure(n);
        System.arraycopy(L.refs, first, C.refs, at, n);
        System.arraycopy(L.nums, first, C.nums, at, n);
        C.top = at + n;
        if (co.fresh) {
            co.fresh = false;
            try {
                LuaState next = Calls.precall(C, 0, -1);
                return next != null ? next : C;
            } catch (LuaError e) {
                // A Java function as the body fails inside resume itself, before the interpreter
                // runs the coroutine: it has no frames or to-be-closed variables to unwind.
                C.depth = 0;
                C.top = 0;
                LuaState resumer = failed(C, e.value());
                if (!rf.wrap) {
                    return resumer;
                }
                Object value = e.value();
                throw new LuaError(value instanceof String s ? L.where(1) + s : value);
            }
        }
        Calls.poscall(C, C.frames[C.depth], at, n);
        return C;
    }

    static void checkYield(LuaState L) {
        if (L.coroutine.isMain()) {
            throw new LuaError("attempt to yield from outside a coroutine");
        }
        if (L.nonYieldable > 0) {
            throw new LuaError("attempt to yield across a C-call boundary");
        }
    }

    /** Suspends the coroutine of {@code L} (its YIELD frame is on top) and returns to its resumer. */
    static LuaState yield(LuaState L, int first, int n) {
        Coroutine co = L.coroutine;
        co.status = Coroutine.Status.SUSPENDED;
        return deliver(co, L, first, n, true);
    }

    /** The coroutine's body returned: its results are at slot 0 up to top. */
    static LuaState finished(LuaState C) {
        Coroutine co = C.coroutine;
        co.status = Coroutine.Status.DEAD;
        int n = C.top;
        LuaState R = deliver(co, C, 0, n, true);
        C.top = 0;
        return R;
    }

    /** Hands {@code n} values of {@code from} to the resumer's RESUME frame, prefixed by true unless wrapped. */
    private static LuaState deliver(Coroutine co, LuaState from, int first, int n, boolean ok) {
        LuaState R = co.resumer;
        co.resumer = null;
        R.coroutine.status = Coroutine.Status.RUNNING;
        CallFrame rf = R.frames[R.depth];
        int prefix = rf.wrap ? 0 : 1;
        int at = rf.func;
        R.top = at;
        R.ensure(n + prefix);
        if (prefix == 1) {
            R.refs[at] = ok ? Boolean.TRUE : Boolean.FALSE;
        }
        System.arraycopy(from.refs, first, R.refs, at + prefix, n);
        System.arraycopy(from.nums, first, R.nums, at + prefix, n);
        from.top = first;
        Calls.poscall(R, rf, at, n + prefix);
        return R;
    }

    /**
     * The coroutine of {@code C} failed with {@code value}: it is dead, and its resumer gets
     * (false, value). For coroutine.wrap the error is raised again in the resumer, which is
     * returned with its RESUME frame still on top; the caller then handles the error there.
     */
    static LuaState failed(LuaState C, Object value) {
        Coroutine co = C.coroutine;
        co.status = Coroutine.Status.DEAD;
        co.failed = true;
        co.error = value;
        LuaState R = co.resumer;
        CallFrame rf = R.frames[R.depth];
        if (rf.wrap) {
            co.resumer = null;
            R.coroutine.status = Coroutine.Status.RUNNING;
            return R;
        }
        C.ensure(1);
        Slots.set(C.refs, C.nums, C.top, value);
        return deliver(co, C, C.top, 1, false);
    }

    /**
     * coroutine.close: closes the pending to-be-closed variables of a suspended or dead coroutine.
     * Returns null on success or a one-element array with the error.
     */
    static Object[] close(LuaState L, Coroutine co) {
        Coroutine.Status st = co.status;
        if (st == Coroutine.Status.RUNNING || st == Coroutine.Status.NORMAL) {
            throw L.error("cannot close a " + st.luaName() + " coroutine");
        }
        LuaState C = co.state;
        Object err = co.failed ? co.error : null;
        boolean failed = co.failed;
        if (C.depth > 0 || C.tbcCount > 0) {
            Object[] result = Errors.unwind(C, 0, 0, err, failed);
            err = result[0];
            failed = result[1] == Boolean.TRUE;
        }
        C.depth = 0;
        C.top = 0;
        co.status = Coroutine.Status.DEAD;
        co.fresh = false;
        co.failed = false;
        co.error = null;
        return failed ? new Object[] {err} : null;
    }
}
