package io.robofarm.vm.interp;

/**
 * Runs a function on a VM in steps that the host controls, which is what lets a scheduler share a
 * few threads between many VMs. A step ends when the function returns, when a host function parks
 * the VM until something outside happens ({@link #park}), or when the step has used its quantum of
 * fuel slices and the VM is at an instruction boundary where it can stop: no library function is
 * running a Lua callback on the Java stack (a table.sort comparator, a gsub function, a __close
 * handler...). Until then the VM keeps running, under its limits. Between steps all execution
 * state is on the heap, so the next step may run on any thread; the caller must hand the execution
 * from thread to thread with a happens-before edge (a queue or a lock).
 *
 * <p>Steps throw what a call would: a {@link LuaError} nothing caught (with its Lua traceback) or
 * {@link VmInterrupted} for a limit or an interrupt; the execution is over after either.
 */
public final class Execution {
    /** How a step ended. */
    public enum Step {
        /** The quantum ran out: call {@link #run} again to continue. */
        PREEMPTED,
        /** A host function parked the VM: {@link #resume} or {@link #resumeWithError} it, then run again. */
        PARKED,
        /** The function returned: {@link #results()} holds its values. */
        RETURNED
    }

    /** Kinds of slice ends, as {@link Vm} reports them. */
    static final int AT_INSTRUCTION = 0;
    static final int BEFORE_CALL = 1;
    static final int IN_LIBRARY = 2;

    /** The message of a park attempt where the Java stack holds a library callback. */
    static final String NOT_PARKABLE =
            "attempt to wait inside a callback run by a library function (such as a table.sort comparator or a __close handler)";

    /** Unwinds the Java stack to {@link #run} at a preemption or a park; it carries nothing, so one instance serves all. */
    private static final RuntimeException SUSPEND = new Suspend();

    private final Vm vm;
    private final LuaState main;
    /** Slot of the called function on the main state, where its results land. */
    private final int func;
    /** The state that continues at the next step (the running coroutine when the last step stopped). */
    private LuaState current;
    private boolean started;
    private int slicesLeft;
    private Object waitingFor;
    private Object[] pendingResults;
    private LuaError pendingError;
    private Object[] results;
    private Runnable sliceHook;

    /**
     * Prepares a call of {@code fn} with {@code args} (Lua values) on {@code vm}'s main coroutine; it
     * starts with the first {@link #run}. The VM must not be running anything else.
     */
    public Execution(Vm vm, Object fn, Object... args) {
        this.vm = vm;
        this.main = vm.mainState();
        main.ensure(args.length + 1);
        func = main.top;
        Slots.set(main.refs, main.nums, main.top++, fn);
        for (Object a : args) {
            Slots.set(main.refs, main.nums, main.top++, a);
        }
        current = main;
    }

    /** The VM this execution runs on. */
    public Vm vm() {
        return vm;
    }

    /**
     * Called on the VM's thread at the end of every fuel slice while a step runs, e.g. to publish
     * statistics; it must not run Lua code.
     */
    public void setSliceHook(Runnable hook) {
        sliceHook = hook;
    }

    /**
     * Runs until the function returns, the VM parks, or {@code slices} fuel slices have passed and
     * the VM can stop. Limits are checked first, so a deadline that passed while the VM waited
     * stops it here.
     *
     * @throws LuaError an error nothing caught, with its traceback
     * @throws VmInterrupted a limit was reached or the VM was interrupted
     * @throws IllegalStateException while still parked (not resumed), or once returned
     */
    public Step run(int slices) {
        if (results != null) {
            throw new IllegalStateException("the execution has returned");
        }
        if (waitingFor != null) {
            throw new IllegalStateException("the execution is parked");
        }
        slicesLeft = slices;
        vm.execution = this;
        try {
            vm.endSlice();
            Interpreter.execute(continuation(), main, 0);
        } catch (Suspend s) {
            return waitingFor != null ? Step.PARKED : Step.PREEMPTED;
        } finally {
            vm.execution = null;
        }
        int n = main.top - func;
        results = new Object[n];
        for (int i = 0; i < n; i++) {
            results[i] = Slots.get(main.refs, main.nums, func + i);
        }
        main.top = func;
        return Step.RETURNED;
    }

    /** The state to continue with: starts the call, or completes the parked host call with its results or error. */
    private LuaState continuation() {
        LuaState L = current;
        try {
            if (!started) {
                started = true;
                return Calls.call(main, func, -1);
            }
            if (pendingError != null) {
                LuaError e = pendingError;
                pendingError = null;
                throw e;
            }
            if (pendingResults != null) {
                Object[] values = pendingResults;
                pendingResults = null;
                L.ensure(values.length);
                for (Object v : values) {
                    Slots.set(L.refs, L.nums, L.top++, v);
                }
                Calls.poscall(L, L.frames[L.depth], L.top - values.length, values.length);
            }
            return L;
        } catch (LuaError e) {
            return Errors.handle(L, e, main, 0);
        }
    }

    /**
     * Checks the limits without running: a parked VM whose deadline passed stops here.
     *
     * @throws VmInterrupted when a limit has been reached
     */
    public void checkLimits() {
        vm.endSlice();
    }

    /** The function's results once a step returned {@link Step#RETURNED}. */
    public Object[] results() {
        if (results == null) {
            throw new IllegalStateException("the execution has not returned");
        }
        return results;
    }

    /** What the VM waits for (the object given to {@link #park}), or null when it is not parked. */
    public Object waitingFor() {
        return waitingFor;
    }

    /** Ends the wait: the host function that parked returns {@code values} (Lua values) at the next step. */
    public void resume(Object... values) {
        endWait();
        pendingResults = values;
    }

    /** Ends the wait: the host function that parked raises "{@code chunk:line: message}" at the next step. */
    public void resumeWithError(String message) {
        endWait();
        pendingError = new LuaError(current.where(1) + message);
    }

    private void endWait() {
        if (waitingFor == null) {
            throw new IllegalStateException("the execution is not parked");
        }
        waitingFor = null;
    }

    /**
     * Parks the VM running the host function of {@code L}: the current step ends with
     * {@link Step#PARKED} and {@code wait} as {@link #waitingFor()}. Never returns; a host function
     * ends with {@code return Execution.park(L, wait);}.
     *
     * @throws LuaError when the VM is not run in steps, or a library callback is on the Java stack
     */
    public static int park(LuaState L, Object wait) {
        Execution ex = L.vm.execution;
        if (ex == null) {
            throw L.error("attempt to wait outside a scheduled run");
        }
        if (!ex.stoppable()) {
            throw L.error(NOT_PARKABLE);
        }
        if (!calledAsFunction(L)) {
            throw L.error("attempt to wait inside a metamethod implemented by the host");
        }
        ex.current = L;
        ex.waitingFor = wait;
        throw SUSPEND;
    }

    /**
     * True when the running Java function was called by a call instruction, pcall or a coroutine
     * start: its results then complete the call as they are. A Java metamethod would need the
     * interrupted instruction completed as well, which only a synchronous return does.
     */
    private static boolean calledAsFunction(LuaState L) {
        CallFrame caller = L.frames[L.depth - 1];
        if (caller.kind != CallFrame.LUA) {
            return caller.kind == CallFrame.PCALL || caller.kind == CallFrame.XPCALL || caller.kind == CallFrame.BASE;
        }
        int op = Interpreter.proto(caller).code[caller.pc - 1] & 0x7F;
        return op == Interpreter.OP_CALL || op == Interpreter.OP_TAILCALL || op == Interpreter.OP_TFORCALL;
    }

    /**
     * A fuel slice ended while a step runs ({@code where} is one of the kinds above). During the
     * hook, and after a preemption, the running Lua frame's pc is its next instruction: a call
     * stopped before it ran is rewound to the call instruction.
     */
    void sliceEnded(int where) {
        if (where == IN_LIBRARY) {
            runHook();
            if (--slicesLeft <= 0) {
                vm.expireSlice();
            }
            return;
        }
        LuaState running = running(main);
        CallFrame top = running.frames[running.depth];
        if (where == BEFORE_CALL) {
            top.pc--;
        }
        runHook();
        if (--slicesLeft <= 0 && stoppable()) {
            current = running;
            throw SUSPEND;
        }
        if (where == BEFORE_CALL) {
            top.pc++;
        }
    }

    private void runHook() {
        if (sliceHook != null) {
            sliceHook.run();
        }
    }

    /**
     * The state of the running coroutine: from the main coroutine, each resumer's top frame is the
     * RESUME frame of the coroutine it waits for.
     */
    static LuaState running(LuaState main) {
        LuaState s = main;
        while (s.coroutine.status != Coroutine.Status.RUNNING) {
            s = ((Coroutine) s.frames[s.depth].handler).state;
        }
        return s;
    }

    /**
     * True when no Lua code runs nested under Java code (a library callback), on any coroutine: a
     * __close handler run by coroutine.close, for one, runs on a coroutine outside the chain of
     * resumers.
     */
    private boolean stoppable() {
        return vm.nestedRuns == 0;
    }

    /** The preemption and park signal: not a {@link LuaError}, so no pcall or handler sees it. */
    private static final class Suspend extends RuntimeException {
        Suspend() {
            super("suspended", null, false, false);
        }
    }
}
