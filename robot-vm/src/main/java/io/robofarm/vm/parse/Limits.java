package io.robofarm.vm.parse;

/** Lua's compile-time limits and the message used when one is exceeded. */
final class Limits {
    /** Local variables per function. */
    static final int MAX_VARS = 200;
    /**
     * Nesting depth of statements and expressions (Lua's C-stack budget, part of which Lua spends
     * before parsing starts). With this value every construct nests exactly as deep as in lua5.4
     * running a file: 196 nested parentheses compile, 197 do not.
     */
    static final int MAX_DEPTH = 199;

    private Limits() {
    }

    /** "too many locals (limit is 200) in main function near 'x'" and the like. */
    static LuaSyntaxError error(FuncState fs, int limit, String what) {
        String where = fs.lineDefined == 0 ? "main function" : "function at line " + fs.lineDefined;
        return fs.lexer.syntaxError("too many " + what + " (limit is " + limit + ") in " + where);
    }
}
