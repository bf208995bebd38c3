package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.Vm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Sandboxed VMs for tests: open one printing into a buffer, run a script on it and take what it printed. */
final class SandboxScripts {
    private SandboxScripts() {
    }

    static Vm sandbox(ByteArrayOutputStream out) {
        Vm vm = new Vm();
        vm.setStdout(out);
        StandardLibraries.openSandboxed(vm);
        return vm;
    }

    /** Runs {@code code} as the chunk "=robot" and returns (and clears) what it printed. */
    static String run(Vm vm, ByteArrayOutputStream out, String code) {
        vm.call(vm.load(code, "=robot", vm.globals()));
        try {
            vm.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString(StandardCharsets.ISO_8859_1);
        out.reset();
        return text;
    }
}
