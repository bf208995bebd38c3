package io.robofarm.vm.interp;

/**
 * Factory for the control-transfer functions of the base and coroutine libraries. They must come
 * from here (not be written as ordinary {@link JavaFunction}s) because the interpreter runs them
 * without Java recursion; see {@link Control}.
 */
public final class ControlFunctions {
    private ControlFunctions() {
    }

    public static JavaFunction pcall() {
        return new Control("pcall", Control.Kind.PCALL, null);
    }

    public static JavaFunction xpcall() {
        return new Control("xpcall", Control.Kind.XPCALL, null);
    }

    public static JavaFunction resume() {
        return new Control("resume", Control.Kind.RESUME, null);
    }

    public static JavaFunction yield() {
        return new Control("yield", Control.Kind.YIELD, null);
    }

    /** The function coroutine.wrap returns for {@code co}. */
    public static JavaFunction wrap(Coroutine co) {
        return new Control("wrap", Control.Kind.WRAP, co);
    }
}
