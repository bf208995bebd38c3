package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes Lua strings to byte streams: every char of a Lua string is one byte (see the project's
 * string convention), so output is exactly the bytes lua5.4 would write. Every write counts
 * against the VM's output limit: the bytes up to the limit are written, then the VM stops.
 */
final class LuaStreams {
    private LuaStreams() {
    }

    /** Writes each char of {@code text} as one byte; an I/O failure becomes a Lua error. */
    static void write(LuaState L, OutputStream out, CharSequence text) {
        Vm vm = L.vm();
        int n = (int) vm.admitOutput(text.length());
        L.allocate(n);
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new LuaError(e.getMessage());
        }
        if (n < text.length()) {
            throw vm.outputLimitExceeded();
        }
    }
}
