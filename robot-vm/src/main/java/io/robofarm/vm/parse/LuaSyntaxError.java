package io.robofarm.vm.parse;

/**
 * A chunk that cannot be compiled. The message is exactly what Lua reports, e.g.
 * {@code file.lua:3: unexpected symbol near 'x'}, so it can be shown to users as is; the line and
 * column say where, for editors that mark the spot.
 */
public final class LuaSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param line   the line Lua names in the message (1-based)
     * @param column the column (1-based, in source chars) of the token or char the error is about
     */
    public LuaSyntaxError(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    /** The line Lua names in the message, 1-based. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending token (or char, for an error inside a token). */
    public int column() {
        return column;
    }
}
