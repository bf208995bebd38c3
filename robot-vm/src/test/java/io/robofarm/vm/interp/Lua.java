package io.robofarm.vm.interp;

import io.robofarm.vm.stdlib.StandardLibraries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helper: runs a Lua chunk in a fresh VM with the standard library and returns what it printed. */
final class Lua {
    private Lua() {
    }

    static Vm newVm(ByteArrayOutputStream out) {
        Vm vm = new Vm();
        vm.setStdout(out);
        StandardLibraries.openAll(vm);
        return vm;
    }

    /** Runs {@code code} (chunk name "=test") and returns its printed output. */
    static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = newVm(out);
        try {
            vm.call(vm.load(code, "=test", vm.globals()));
        } finally {
            try {
                vm.stdout().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code code}, which must fail, and returns the error. */
    static LuaError error(String code) {
        try {
            run(code);
        } catch (LuaError e) {
            return e;
        }
        throw new AssertionError("no error from: " + code);
    }
}
