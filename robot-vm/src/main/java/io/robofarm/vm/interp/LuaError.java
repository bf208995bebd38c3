package io.robofarm.vm.interp;

/**
 * A Lua error in flight: carries the error value (any Lua value, usually a message string) raised by
 * {@code error()}, a failed operation or a library function. It is the only exception that crosses
 * the interpreter, so Java code can catch it like {@code pcall} does. Stack traces are not filled:
 * the Lua traceback is what matters and is attached when the error leaves the VM uncaught.
 */
public class LuaError extends RuntimeException {
    private final Object value;
    private String luaTraceback;

    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** The Lua error value. */
    public Object value() {
        return value;
    }

    /** The "stack traceback:" text lua5.4 would print for this error, or null when not recorded. */
    public String luaTraceback() {
        return luaTraceback;
    }

    void setLuaTraceback(String traceback) {
        if (luaTraceback == null) {
            luaTraceback = traceback;
        }
    }

    @Override
    public String getMessage() {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Double) {
            return Numbers.toString(value);
        }
        return "(error object is a " + LuaType.nameOf(value) + " value)";
    }
}
