package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuel budget and the wall-clock timeout: they stop a script wherever it loops, and Lua cannot catch them. */
class VmLimitsTest {
    private static final String ENDLESS = "while true do end";
    /** Places where a script might try to hide an endless loop from a limit. */
    private static final String[] ESCAPES = {
        ENDLESS,
        "print(pcall(function() " + ENDLESS + " end))",
        "print(xpcall(error, function() " + ENDLESS + " end))",
        "do local x <close> = setmetatable({}, {__close = function() " + ENDLESS + " end}) end",
        "local co = coroutine.wrap(function() " + ENDLESS + " end) co()",
        "print(coroutine.resume(coroutine.create(function() " + ENDLESS + " end)))",
        "print(pcall(table.sort, {3, 2, 1}, function(a, b) " + ENDLESS + " end))",
        "print(pcall(string.gsub, 'abc', '%w', function(c) " + ENDLESS + " end))",
        "local function f() return f() end f()",
        "local t = setmetatable({}, {__index = function(t, k) " + ENDLESS + " end}) print(pcall(function() return t.x end))",
    };

    private static Vm vm() {
        return Lua.newVm(new ByteArrayOutputStream());
    }

    private static VmInterrupted stop(Vm vm, String code) {
        LuaClosure chunk = vm.load(code, "=test", vm.globals());
        return assertThrows(VmInterrupted.class, () -> vm.call(chunk));
    }

    @Test
    void fuelStopsEveryKindOfEndlessLoop() {
        for (String code : ESCAPES) {
            Vm vm = vm();
            vm.setMaxFuel(100_000);
            assertEquals("fuel exhausted", stop(vm, code).getMessage(), code);
        }
    }

    @Test
    void timeoutStopsEveryKindOfEndlessLoop() {
        for (String code : ESCAPES) {
            Vm vm = vm();
            vm.setTimeout(Duration.ofMillis(20));
            assertEquals("timeout after 20 ms", stop(vm, code).getMessage(), code);
        }
    }

    @Test
    void theFuelBudgetIsExact() {
        String code = "local n = 0 for i = 1, 1000 do n = n + i end local function f() end f() f()";
        Vm probe = vm();
        probe.call(probe.load(code, "=test", probe.globals()));
        long used = probe.fuelUsed();
        assertTrue(used >= 1000, "used " + used);

        Vm enough = vm();
        enough.setMaxFuel(used);
        enough.call(enough.load(code, "=test", enough.globals()));
        assertEquals(used, enough.fuelUsed());

        Vm short1 = vm();
        short1.setMaxFuel(used - 1);
        assertEquals("fuel exhausted", stop(short1, code).getMessage());
    }

    @Test
    void aTimeoutOf100MillisecondsIsHonouredPromptly() {
        Vm vm = vm();
        LuaClosure chunk = vm.load("local x = 0 while true do x = x + 1 end", "=test", vm.globals());
        long start = System.nanoTime();
        vm.setTimeout(Duration.ofMillis(100));
        VmInterrupted stopped = assertThrows(VmInterrupted.class, () -> vm.call(chunk));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("timeout after 100 ms", stopped.getMessage());
        assertTrue(elapsedMs >= 100 && elapsedMs < 400, "stopped after " + elapsedMs + " ms");
    }

    @Test
    void timeoutsAreNamedInSecondsOrMilliseconds() {
        Vm vm = vm();
        vm.setTimeout(Duration.ofSeconds(0));
        assertEquals("timeout after 0 s", stop(vm, ENDLESS).getMessage());
        Vm other = vm();
        other.setTimeout(Duration.ofMillis(1));
        assertEquals("timeout after 1 ms", stop(other, ENDLESS).getMessage());
    }

    @Test
    void aStoppedVmStaysStopped() {
        Vm vm = vm();
        vm.setMaxFuel(1000);
        stop(vm, ENDLESS);
        assertEquals("fuel exhausted", stop(vm, "local a = 1 for i = 1, 2 do a = a + i end").getMessage());
    }

    @Test
    void fuelStopsLongLibraryLoopsFromInside() {
        String[] setups = {
            "big = {} for i = 1, 200000 do big[i] = (i * 7919) % 200000 end",
            "s = string.rep('a', 200000)",
        };
        String[][] calls = {
            {"table", "sort", "big"},
            {"table", "concat", "big"},
            {"string", "gsub", "s"},
            {"string", "rep", "s"},
        };
        for (String[] call : calls) {
            Vm vm = vm();
            for (String setup : setups) {
                vm.call(vm.load(setup, "=setup", vm.globals()));
            }
            Object fn = ((LuaTable) vm.globals().get(call[0])).get(call[1]);
            Object arg = vm.globals().get(call[2]);
            Object[] args = call[1].equals("gsub") ? new Object[] {arg, ".", "%0%0"}
                    : call[1].equals("rep") ? new Object[] {arg, 1000L} : new Object[] {arg};
            vm.setMaxFuel(vm.fuelUsed() + 1000);
            VmInterrupted stopped = assertThrows(VmInterrupted.class, () -> vm.call(fn, args), call[1]);
            assertEquals("fuel exhausted", stopped.getMessage(), call[1]);
        }
    }

    @Test
    void timeoutStopsACatastrophicPattern() {
        Vm vm = vm();
        vm.setTimeout(Duration.ofMillis(100));
        long start = System.nanoTime();
        assertEquals("timeout after 100 ms",
                stop(vm, "print(pcall(string.find, string.rep('a', 5000), '.-.-.-.-b'))").getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }
}
