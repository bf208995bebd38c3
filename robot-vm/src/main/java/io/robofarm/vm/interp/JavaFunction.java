package io.robofarm.vm.interp;

/**
 * A Lua function implemented in Java, the way library functions and host modules are written. It
 * reads its arguments from the {@link LuaState}, pushes its results and returns their count: the
 * results are the last that many values pushed.
 */
public non-sealed abstract class JavaFunction extends LuaFunction {
    private final String name;

    /** {@code name} is used in messages such as "bad argument #1 to 'insert'" when no better name is known. */
    protected JavaFunction(String name) {
        this.name = name;
    }

    /** The name given at construction. */
    public final String name() {
        return name;
    }

    /** Runs the function; returns how many of the values it pushed are its results. */
    public abstract int call(LuaState L);

    /**
     * The Lua values this function keeps alive between calls (an iterator's subject string, say),
     * which the VM's memory measurement must count. None by default.
     */
    protected Object[] heldValues() {
        return NO_VALUES;
    }

    private static final Object[] NO_VALUES = {};

    /** A function from a lambda, e.g. {@code JavaFunction.of("type", L -> ...)}. */
    public static JavaFunction of(String name, JavaBody body) {
        return new JavaFunction(name) {
            @Override
            public int call(LuaState L) {
                return body.call(L);
            }
        };
    }

    @Override
    public String toString() {
        return "builtin: " + name;
    }
}
