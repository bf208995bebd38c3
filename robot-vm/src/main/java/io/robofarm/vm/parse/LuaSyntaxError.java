package io.robofarm.vm.parse;

/**
 * A chunk that cannot be compiled. The message is exactly what Lua reports, e.g.
 * {@code file.lua:3: unexpected symbol near 'x'}, so it can be shown to users as is.
 */
public final class LuaSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LuaSyntaxError(String message) {
        super(message, null, false, false);
    }
}
