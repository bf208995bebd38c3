package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaTable;

/**
 * Raising and catching Lua errors: building lua5.4's messages (with variable names), unwinding
 * frames to the nearest pcall/xpcall (closing upvalues and to-be-closed variables on the way),
 * letting a failing coroutine hand its error to its resumer, and recording the traceback of an
 * error that nothing catches.
 */
final class Errors {
    /**
     * Extra stack a message handler may use when the error was a stack overflow (Lua's
     * ERRORSTACKSIZE); not extra calls beyond a call depth limit, which no handler may extend.
     */
    private static final int HANDLER_EXTRA_SLOTS = 1000;
    /** Handler re-invocations on its own errors before giving up, like Lua's C-stack bound. */
    private static final int MAX_HANDLER_RETRIES = 200;

    private Errors() {
    }

    /** A runtime error at the current instruction: "chunk:line: msg" when Lua code is running. */
    static LuaError runtime(LuaState L, String msg) {
        return new LuaError(L.where(0) + msg);
    }

    static void checkJavaCalls(LuaState L) {
        int calls = L.cBase + L.cCalls;
        if (calls >= Vm.MAX_JAVA_CALLS) {
            if (calls >= Vm.MAX_JAVA_CALLS / 10 * 11) {
                throw new LuaError("error in error handling");
            }
            throw runtime(L, "C stack overflow");
        }
    }

    /** "attempt to OP a T value (kind 'name')" for the value in register {@code reg} (-1: not a register). */
    static LuaError typeError(LuaState L, CallFrame f, Object v, String op, int reg) {
        String info = reg >= 0 ? DebugInfo.varInfo(f, reg - f.base) : "";
        return runtime(L, "attempt to " + op + " a " + objTypeName(L, v) + " value" + info);
    }

    /** "attempt to index a nil value (...)" for the table operand of the current instruction. */
    static LuaError indexError(LuaState L, CallFrame f, Object v, boolean named) {
        String info = named ? DebugInfo.indexedInfo(f) : "";
        return runtime(L, "attempt to index a " + objTypeName(L, v) + " value" + info);
    }

    /** "attempt to call a T value (kind 'name')" for the value at stack slot {@code func}. */
    static LuaError callError(LuaState L, int func) {
        Object v = Slots.get(L.refs, L.nums, func);
        CallFrame f = L.frames[L.depth];
        String info = "";
        if (f.kind == CallFrame.LUA) {
            String[] name = DebugInfo.funcNameFromCode(Interpreter.proto(f), f.pc - 1);
            info = name != null ? " (" + name[0] + " '" + name[1] + "')" : DebugInfo.varInfo(f, func - f.base);
        }
        return runtime(L, "attempt to call a " + objTypeName(L, v) + " value" + info);
    }

    /** Type name honouring a string __name in the metatable, as luaT_objtypename. */
    static String objTypeName(LuaState L, Object v) {
        if (v instanceof LuaTable t && t.getMetatable() != null && t.getMetatable().get("__name") instanceof String s) {
            return s;
        }
        return LuaType.nameOf(v);
    }

    /**
     * Handles an error raised while {@code L} was running: continues at the nearest pcall/xpcall
     * (returning the state to run), passes it from a dead coroutine to its resumer, or rethrows it
     * when it reaches frame {@code stopDepth} of {@code stopState}.
     */
    static LuaState handle(LuaState L, LuaError e, LuaState stopState, int stopDepth) {
        while (true) {
            int limit = L == stopState ? stopDepth : 0;
            int d = L.depth;
            while (d > limit && L.frames[d].kind != CallFrame.PCALL && L.frames[d].kind != CallFrame.XPCALL) {
                d--;
            }
            if (d > limit) {
                CallFrame pf = L.frames[d];
                Object value = e.value();
                if (pf.kind == CallFrame.XPCALL) {
                    value = callHandler(L, pf.handler, value);
                }
                Object[] closed = unwind(L, d, pf.func + 1, value, true);
                L.top = pf.func;
                L.ensure(2);
                L.refs[pf.func] = Boolean.FALSE;
                Slots.set(L.refs, L.nums, pf.func + 1, closed[0]);
                Calls.poscall(L, pf, pf.func, 2);
                return L;
            }
            if (L == stopState) {
                if (e.luaTraceback() == null && L == L.vm.mainState() && !protectedBelow(L, limit)) {
                    e.setLuaTraceback(Traceback.build(L));
                }
                throw e;
            }
            LuaState resumer = L.coroutine.resumer;
            boolean wrap = resumer.frames[resumer.depth].wrap;
            LuaState next = Coroutines.failed(L, e.value());
            if (!wrap) {
                return next;
            }
            Object value = unwind(L, 0, 0, e.value(), true)[0];
            L.coroutine.error = value;
            if (value instanceof String s) {
                value = next.where(1) + s;
            }
            e = new LuaError(value);
            L = next;
        }
    }

    private static boolean protectedBelow(LuaState L, int depth) {
        for (int d = depth; d > 0; d--) {
            int kind = L.frames[d].kind;
            if (kind == CallFrame.PCALL || kind == CallFrame.XPCALL) {
                return true;
            }
        }
        return false;
    }

    /** Runs an xpcall message handler at the error point; a failing handler is retried on its own error. */
    private static Object callHandler(LuaState L, Object handler, Object value) {
        CallFrame top = L.frames[L.depth];
        if (top.kind == CallFrame.LUA) {
            L.top = Math.max(L.top, top.base + Interpreter.proto(top).maxStackSize);
        }
        Vm vm = L.vm;
        int savedSlots = vm.maxStackSlots;
        int savedFrames = vm.maxFrames;
        vm.maxStackSlots += HANDLER_EXTRA_SLOTS;
        if (!vm.callDepthLimited) {
            vm.maxFrames += HANDLER_EXTRA_SLOTS;
        }
        try {
            for (int tries = 0; tries < MAX_HANDLER_RETRIES; tries++) {
                try {
                    return L.call(handler, value);
                } catch (LuaError e) {
                    value = e.value();
                }
            }
            return "error in error handling";
        } finally {
            vm.maxStackSlots = savedSlots;
            vm.maxFrames = savedFrames;
        }
    }

    /**
     * Pops the frames above {@code depth}, closes upvalues at or above stack slot {@code level} and
     * calls the __close metamethods of the to-be-closed variables there (with the error when
     * {@code failed}). An error in a __close handler replaces the error. Returns {error, failed}.
     */
    static Object[] unwind(LuaState L, int depth, int level, Object err, boolean failed) {
        popFrames(L, depth, level);
        while (L.tbcCount > 0 && L.tbc[L.tbcCount - 1] >= level) {
            int idx = L.tbc[--L.tbcCount];
            Object v = Slots.get(L.refs, L.nums, idx);
            L.top = idx + 1;
            Object h = Metatables.metafield(L, v, "__close");
            try {
                L.call(h, v, failed ? err : null);
            } catch (LuaError e) {
                err = e.value();
                failed = true;
            }
        }
        return new Object[] {err, failed};
    }

    /** Pops the frames above {@code depth}, undoing their C-call counts, and closes upvalues from {@code level}. */
    private static void popFrames(LuaState L, int depth, int level) {
        for (int d = L.depth; d > depth; d--) {
            CallFrame fr = L.frames[d];
            if (fr.finishOp) {
                L.cCalls--;
                fr.finishOp = false;
            }
            fr.clearRefs();
        }
        L.depth = depth;
        L.closeUpvalues(level);
    }

    /**
     * Drops the frames above {@code depth} without running any Lua code: used when the VM is being
     * stopped (interrupt, os.exit), which Lua handlers must not delay.
     */
    static void discard(LuaState L, int depth) {
        if (L.depth <= depth) {
            return;
        }
        int level = L.frames[depth + 1].func;
        popFrames(L, depth, level);
        while (L.tbcCount > 0 && L.tbc[L.tbcCount - 1] >= level) {
            L.tbcCount--;
        }
    }

    /** An error leaving a nested call from Java: unwinds the nested frames first. */
    static LuaError unwindNested(LuaState L, int depth0, LuaError e) {
        if (L.depth <= depth0) {
            return e;
        }
        int level = L.frames[depth0 + 1].func;
        Object[] r = unwind(L, depth0, level, e.value(), true);
        if (r[0] == e.value()) {
            return e;
        }
        LuaError replaced = new LuaError(r[0]);
        replaced.setLuaTraceback(e.luaTraceback());
        return replaced;
    }
}
