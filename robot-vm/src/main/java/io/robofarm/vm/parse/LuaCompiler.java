package io.robofarm.vm.parse;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.lex.Lexer;

/** Entry point of the compiler: turns Lua 5.4 source text into a main-chunk {@link Prototype}. */
public final class LuaCompiler {
    private LuaCompiler() {
    }

    /**
     * Compiles a chunk. {@code source} holds one char per byte (0..255); {@code chunkName} is kept in
     * the prototype and names the chunk in messages ("@file.lua", "=stdin" or the source itself).
     *
     * @throws LuaSyntaxError with Lua's message when the chunk is not valid Lua
     */
    public static Prototype compile(String source, String chunkName) {
        return new Parser(new Lexer(source, chunkName), chunkName).mainFunction();
    }
}
