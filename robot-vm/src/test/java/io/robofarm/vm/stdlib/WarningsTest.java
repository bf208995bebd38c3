package io.robofarm.vm.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.robofarm.vm.interp.Vm;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Expected texts are what lua5.4 writes to stderr for the same calls. */
class WarningsTest {

    @Test
    void warningsStartOffAndFollowControlMessages() {
        String err = stderrOf("""
                warn('hidden')
                warn('@on')
                warn('a', 'b', 1, 2.5)
                warn('@unknown')
                warn('@on', 'x')
                warn('@off')
                warn('hidden again')
                """);
        assertEquals("Lua warning: ab12.5\nLua warning: @onx\n", err);
    }

    @Test
    void eachVmHasItsOwnSwitch() {
        stderrOf("warn('@on')");
        assertEquals("", stderrOf("warn('from a fresh VM')"));
    }

    private static String stderrOf(String chunk) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(captured, true, StandardCharsets.ISO_8859_1)) {
            System.setErr(err);
            Vm vm = new Vm();
            StandardLibraries.openAll(vm);
            vm.call(vm.load(chunk, "=test", vm.globals()));
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.ISO_8859_1);
    }
}
