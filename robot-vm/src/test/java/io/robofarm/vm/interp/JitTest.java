package io.robofarm.vm.interp;

import io.robofarm.vm.parse.LuaCompiler;
import io.robofarm.vm.parse.LuaSyntaxError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lua functions translated to JVM code: the JVM accepts the code for every function we have, it
 * behaves as the interpreter does (the golden scripts run both ways in {@code GoldenScriptsTest}),
 * limits stay exact, and functions alike share one generated class.
 */
class JitTest {
    private static Vm vm(int threshold) {
        Vm vm = Lua.newVm(new ByteArrayOutputStream());
        vm.setJitThreshold(threshold);
        return vm;
    }

    @Test
    void theJvmAcceptsTheCodeOfEveryGoldenAndBenchmarkFunction() throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/lua"), Path.of("../bench/lua"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".lua")).forEach(scripts::add);
            }
        }
        assertTrue(scripts.size() > 150, "scripts found: " + scripts.size());
        Vm vm = vm(0);
        int rejectedBefore = Jit.rejected();
        int compiled = 0;
        for (Path script : scripts) {
            FunctionCode chunk;
            try {
                chunk = FunctionCode.of(LuaCompiler.compile(Files.readString(script, StandardCharsets.ISO_8859_1),
                        "@" + script));
            } catch (LuaSyntaxError e) {
                continue;
            }
            compiled += compileAll(vm, chunk, script);
        }
        assertEquals(rejectedBefore, Jit.rejected(), "functions whose generated class the JVM refused");
        assertTrue(compiled > 500, "functions compiled: " + compiled);
    }

    private static int compileAll(Vm vm, FunctionCode fc, Path script) {
        int count = 0;
        if (Jit.warm(fc, vm, 1) != null) {
            count++;
        } else {
            assertTrue(fc.jitRejected, "neither compiled nor rejected for size: a function of " + script);
        }
        for (FunctionCode child : fc.children) {
            count += compileAll(vm, child, script);
        }
        return count;
    }

    @Test
    void aFunctionRunsInTheInterpreterUntilItIsHot() {
        Vm vm = vm(50);
        LuaClosure chunk = vm.load("function f(x) return x + 1 end for i = 1, 20 do f(i) end", "=test", vm.globals());
        vm.call(chunk);
        FunctionCode f = ((LuaClosure) vm.globals().get("f")).code;
        assertNull(f.compiled);
        vm.call(vm.load("for i = 1, 40 do f(i) end", "=test", vm.globals()));
        assertNotNull(f.compiled);
    }

    @Test
    void aLongLoopIsCompiledWhileItRuns() {
        Vm vm = vm(Jit.SLICE_HEAT * 3);
        LuaClosure chunk = vm.load("local n = 0 for i = 1, 1000000 do n = n + i end return n", "=test", vm.globals());
        assertEquals(List.of(500000500000L), List.of(vm.call(chunk)));
        assertNotNull(chunk.code.compiled);
    }

    @Test
    void functionsAlikeShareOneClassAcrossLoadsAndVms() {
        String source = "local function f(a, b) return a * b + 2.5 end return f(3, 4)";
        List<Class<?>> classes = new ArrayList<>();
        for (String variant : List.of(source, source, source.replace("2.5", "3.5"))) {
            Vm vm = vm(0);
            assertEquals(List.of(14.5), List.of(vm.call(vm.load(variant.replace("3.5", "2.5"), "=test", vm.globals()))));
            LuaClosure chunk = vm.load(variant, "=test", vm.globals());
            vm.call(chunk);
            classes.add(chunk.code.children[0].compiled.getClass());
        }
        assertSame(classes.get(0), classes.get(1));
        assertTrue(classes.get(0) != classes.get(2));
    }

    @Test
    void aFunctionTooLargeForHotSpotStaysInterpreted() {
        StringBuilder source = new StringBuilder("local t = {} ");
        for (int i = 0; i < 2000; i++) {
            source.append("t.x").append(i % 50).append(" = ").append(i).append(' ');
        }
        source.append("return t.x49");
        Vm vm = vm(0);
        LuaClosure chunk = vm.load(source.toString(), "=big", vm.globals());
        assertEquals(List.of(1999L), List.of(vm.call(chunk)));
        assertNull(chunk.code.compiled);
        assertTrue(chunk.code.jitRejected);
    }

    @Test
    void theFuelBudgetIsTheSameInCompiledCode() {
        String code = "local n = 0 for i = 1, 1000 do n = n + i end local i = 0 while i < 300 do i = i + 1 end "
                + "for k, v in ipairs({1, 2, 3}) do n = n + v end local function f() end f() f() return n";
        long[] used = new long[2];
        for (int threshold : new int[] {-1, 0}) {
            Vm vm = vm(threshold);
            vm.call(vm.load(code, "=test", vm.globals()));
            used[threshold + 1] = vm.fuelUsed();
        }
        assertEquals(used[0], used[1]);

        Vm enough = vm(0);
        enough.setMaxFuel(used[1]);
        enough.call(enough.load(code, "=test", enough.globals()));
        Vm tooLittle = vm(0);
        tooLittle.setMaxFuel(used[1] - 1);
        VmInterrupted stop = assertThrows(VmInterrupted.class,
                () -> tooLittle.call(tooLittle.load(code, "=test", tooLittle.globals())));
        assertEquals("fuel exhausted", stop.getMessage());
    }

    @Test
    void errorsInCompiledCodeNameTheirLineAndVariable() {
        Vm vm = vm(0);
        LuaClosure chunk = vm.load("local t = {}\nlocal n = 1\nreturn n + t.missing.field", "=test", vm.globals());
        LuaError error = assertThrows(LuaError.class, () -> vm.call(chunk));
        assertEquals("test:3: attempt to index a nil value (field 'missing')", error.getMessage());
        assertNotNull(chunk.code.compiled);
    }
}
