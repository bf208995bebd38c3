package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaError;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes Lua strings to byte streams: every char of a Lua string is one byte (see the project's
 * string convention), so output is exactly the bytes lua5.4 would write.
 */
final class LuaStreams {
    private LuaStreams() {
    }

    /** Writes each char of {@code text} as one byte; an I/O failure becomes a Lua error. */
    static void write(OutputStream out, CharSequence text) {
        int n = text.length();
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new LuaError(e.getMessage());
        }
    }
}
