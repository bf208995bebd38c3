package io.robofarm.vm.interp;

/**
 * A Lua coroutine (type "thread"): a {@link LuaState} of its own whose frames live on the heap, so
 * resuming and yielding switch the interpreter from one state to another without Java threads and
 * without growing the Java stack.
 */
public final class Coroutine {
    /** Coroutine status as {@code coroutine.status} names it. */
    public enum Status {
        SUSPENDED("suspended"), RUNNING("running"), NORMAL("normal"), DEAD("dead");

        private final String luaName;

        Status(String luaName) {
            this.luaName = luaName;
        }

        public String luaName() {
            return luaName;
        }
    }

    final LuaState state;
    Status status = Status.SUSPENDED;
    /** True until the first resume: the body has not started yet. */
    boolean fresh = true;
    /** The state that resumed this coroutine and waits for it (null when not running). */
    LuaState resumer;
    /** The error that killed the coroutine, kept for coroutine.close. */
    Object error;
    boolean failed;

    Coroutine(Vm vm) {
        this.state = new LuaState(vm, this);
    }

    /** A new suspended coroutine of {@code vm} that will run {@code body} when first resumed. */
    public static Coroutine create(Vm vm, LuaFunction body) {
        return Coroutines.create(vm, body);
    }

    /**
     * coroutine.close: runs the pending __close handlers of a suspended or dead coroutine and marks
     * it dead. Returns null on success, or a one-element array holding the error it ended with.
     *
     * @throws LuaError when the coroutine is running or normal
     */
    public Object[] close(LuaState L) {
        return Coroutines.close(L, this);
    }

    /** Current status. */
    public Status status() {
        return status;
    }

    /** The execution state of this coroutine. */
    public LuaState state() {
        return state;
    }

    /** True for the VM's main coroutine. */
    public boolean isMain() {
        return state.vm.mainState() == state;
    }

    @Override
    public String toString() {
        return String.format("thread: 0x%08x", System.identityHashCode(this));
    }
}
