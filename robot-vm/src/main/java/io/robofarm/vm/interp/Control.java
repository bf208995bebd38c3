package io.robofarm.vm.interp;

/**
 * The library functions that transfer control (pcall, xpcall, coroutine.resume/yield and the
 * functions made by coroutine.wrap). The interpreter recognizes them and runs them as frames on the
 * heap instead of Java calls, which is what lets a coroutine yield across pcall and lets a VM stop
 * anywhere. Instances come from {@link ControlFunctions}.
 */
final class Control extends JavaFunction {
    enum Kind { PCALL, XPCALL, RESUME, YIELD, WRAP }

    final Kind kind;
    /** The coroutine a WRAP function resumes. */
    final Coroutine coroutine;

    Control(String name, Kind kind, Coroutine coroutine) {
        super(name);
        this.kind = kind;
        this.coroutine = coroutine;
    }

    /** Never used: the interpreter dispatches control functions through {@link #invoke}. */
    @Override
    public int call(LuaState L) {
        throw new IllegalStateException(name() + " must be called through the interpreter");
    }

    /** Runs this function called at {@code func}; see {@link Calls#precall} for the result. */
    LuaState invoke(LuaState L, int func, int nResults) {
        switch (kind) {
            case PCALL: {
                CallFrame f = Calls.pushJava(L, this, func, nResults, CallFrame.JAVA);
                L.checkAny(1);
                f.kind = CallFrame.PCALL;
                return protectedCall(L, f, func);
            }
            case XPCALL: {
                CallFrame f = Calls.pushJava(L, this, func, nResults, CallFrame.JAVA);
                LuaFunction handler = L.checkFunction(2);
                int args = func + 3;
                System.arraycopy(L.refs, args, L.refs, args - 1, L.top - args);
                System.arraycopy(L.nums, args, L.nums, args - 1, L.top - args);
                L.top--;
                f.kind = CallFrame.XPCALL;
                f.handler = handler;
                return protectedCall(L, f, func);
            }
            case RESUME: {
                CallFrame f = Calls.pushJava(L, this, func, nResults, CallFrame.JAVA);
                if (!(L.arg(1) instanceof Coroutine co)) {
                    throw L.typeError(1, "thread");
                }
                f.kind = CallFrame.RESUME;
                return Coroutines.resume(L, f, co, func + 2, L.top - func - 2);
            }
            case WRAP: {
                CallFrame f = Calls.pushJava(L, this, func, nResults, CallFrame.RESUME);
                f.wrap = true;
                return Coroutines.resume(L, f, coroutine, func + 1, L.top - func - 1);
            }
            case YIELD: {
                Calls.pushJava(L, this, func, nResults, CallFrame.JAVA);
                Coroutines.checkYield(L);
                L.frames[L.depth].kind = CallFrame.YIELD;
                return Coroutines.yield(L, func + 1, L.top - func - 1);
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static LuaState protectedCall(LuaState L, CallFrame f, int func) {
        LuaState next = Calls.precall(L, func + 1, -1);
        if (next != null) {
            return next;
        }
        L.refs[func] = Boolean.TRUE;
        Calls.poscall(L, f, func, L.top - func);
        return null;
    }
}
