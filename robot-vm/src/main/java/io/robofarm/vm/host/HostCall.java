package io.robofarm.vm.host;

import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.value.ByteStrings;

import java.util.ArrayList;
import java.util.List;

/**
 * One call of a host function from a script: its arguments (checked the way Lua's own library
 * checks them, with the same "bad argument" messages) and the context of the calling robot. Valid
 * only while the host function runs on the VM's thread, not in a later completion.
 */
public final class HostCall {
    private final LuaState state;
    private final HostContext context;

    HostCall(LuaState state, HostContext context) {
        this.state = state;
        this.context = context;
    }

    /** The calling robot's context. */
    public HostContext context() {
        return context;
    }

    /** Number of arguments. */
    public int argCount() {
        return state.getTop();
    }

    /**
     * Argument {@code i} (1-based) as a Java value ({@link LuaValues#toJava}); null when absent.
     *
     * @throws LuaError "bad argument" when it has no Java shape (a function, a coroutine...)
     */
    public Object arg(int i) {
        try {
            return LuaValues.toJava(state.arg(i));
        } catch (IllegalArgumentException e) {
            throw state.argError(i, e.getMessage());
        }
    }

    /** All arguments as Java values. */
    public List<Object> args() {
        List<Object> args = new ArrayList<>(argCount());
        for (int i = 1; i <= argCount(); i++) {
            args.add(arg(i));
        }
        return args;
    }

    /** Argument {@code i} as an integer (a float with an exact integer value or a numeric string is accepted). */
    public long checkInteger(int i) {
        return state.checkInteger(i);
    }

    /** Argument {@code i} as a number. */
    public double checkNumber(int i) {
        return state.checkNumber(i);
    }

    /** Argument {@code i} as text (its bytes read as UTF-8; numbers are converted). */
    public String checkString(int i) {
        return ByteStrings.decode(state.checkString(i));
    }

    /** The Lua state of the call, for functions that need the language itself (formatting, tostring). */
    public LuaState luaState() {
        return state;
    }
}
