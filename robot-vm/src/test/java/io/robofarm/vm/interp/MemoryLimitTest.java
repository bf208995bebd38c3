package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory limit: every way a script can pile up data ends the VM with "memory limit of ...
 * exceeded", whether or not it stops the collector and wherever it hides; garbage does not count;
 * requests too large for the limit fail before anything is allocated.
 */
class MemoryLimitTest {
    private static final long LIMIT = 16 << 20;
    private static final String EXCEEDED = "memory limit of 16 MiB exceeded";

    /** Scripts that keep allocating until something stops them. */
    private static final String[] BOMBS = {
        "local t = {} for i = 1, 1e9 do t[i] = i end",
        "local t = {} while true do t[#t + 1] = {} end",
        "local t = {} local i = 0 while true do i = i + 1 t['key' .. i] = i end",
        "local s = 'x' while true do s = s .. s end",
        "local t = {} for i = 1, 1e9 do t[i] = tostring(i) .. ('x'):rep(20) end",
        "local s = string.rep('x', 1 << 40)",
        "local s = ('x'):rep(1e9)",
        "local s = ('x'):rep(1 << 20) local t = {} for i = 1, 1000 do t[i] = s end local r = table.concat(t)",
        "local t = {} while true do t[#t + 1] = coroutine.create(function() end) end",
        "local t = {} while true do local co = coroutine.wrap(function() local function f(n) if n == 0 then "
            + "coroutine.yield() else return f(n - 1) + 1 end end f(200) end) co() t[#t + 1] = co end",
        "local t = {} while true do local x = {} t[#t + 1] = function() return x end end",
        "local t = {} local i = 0 while true do i = i + 1 t[i] = string.gmatch(('x'):rep(1000) .. i, 'x') end",
        "local src = ('a = 1 '):rep(5000) local t = {} while true do t[#t + 1] = load(src) end",
        "local s = ('x'):rep(1 << 20) local t = {} for i = 1, 1000 do t[i] = s end print(table.unpack(t))",
        "local r = ('x'):rep(1000):gsub('.', ('y'):rep(1 << 20))",
        "local r = ('x'):rep(100):gsub('.', ('%0'):rep(1 << 20))",
        "local s = ('x'):rep(1 << 20) local t = {} for i = 1, 1000 do t[i] = s end "
            + "local r = string.format(('%s'):rep(1000), table.unpack(t))",
        "local parts = {} local n = 0 local r = load(function() n = n + 1 return n < 1e6 and ('-'):rep(1 << 20) or nil end)",
        "local r = os.date(('%c'):rep(4 << 20))",
        "local s = ('x'):rep(12 << 20) local u = s:upper()",
    };

    /** Places a script can keep a string where only a thorough measurement finds it; each holds {@code big}. */
    private static final String[] HIDING_PLACES = {
        "hidden = big",
        "setmetatable(_G, {__index = {big}})",
        "getmetatable('').hidden = big",
        "local keep = big hidden = function() return keep end",
        "hidden = coroutine.create(function() local keep = big coroutine.yield() end) coroutine.resume(hidden)",
        "hidden = coroutine.wrap(function(...) coroutine.yield(...) end) hidden(big)",
        "hidden = string.gmatch(big .. '', 'x')",
        "hidden = setmetatable({}, {__mode = 'k', [big] = true})",
    };

    private static Vm vm() {
        Vm vm = Lua.newVm(new ByteArrayOutputStream());
        vm.setMaxMemory(LIMIT);
        vm.setTimeout(Duration.ofSeconds(20));
        return vm;
    }

    private static VmInterrupted stop(Vm vm, String code) {
        LuaClosure chunk = vm.load(code, "=test", vm.globals());
        return assertThrows(VmInterrupted.class, () -> vm.call(chunk), code);
    }

    private static String run(Vm vm, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vm.setStdout(out);
        vm.call(vm.load(code, "=test", vm.globals()));
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyBombIsStopped() {
        for (String bomb : BOMBS) {
            assertEquals(EXCEEDED, stop(vm(), bomb).getMessage(), bomb);
        }
    }

    @Test
    void stoppingTheCollectorChangesNothing() {
        for (String bomb : BOMBS) {
            assertEquals(EXCEEDED, stop(vm(), "collectgarbage('stop') " + bomb).getMessage(), bomb);
        }
    }

    @Test
    void neitherPcallNorHandlersNorCloseCanCatchIt() {
        String[] bombs = {BOMBS[0], BOMBS[3], BOMBS[6], BOMBS[8], BOMBS[13]};
        for (String bomb : bombs) {
            String[] escapes = {
                "print(pcall(function() " + bomb + " end)) print('survived')",
                "print(xpcall(error, function() " + bomb + " end)) print('survived')",
                "do local x <close> = setmetatable({}, {__close = function() " + bomb + " end}) end print('survived')",
                "print(pcall(function() local x <close> = setmetatable({}, {__close = function() print('closed') end}) "
                    + bomb + " end)) print('survived')",
                "print(coroutine.resume(coroutine.create(function() " + bomb + " end))) print('survived')",
            };
            for (String code : escapes) {
                Vm vm = vm();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                vm.setStdout(out);
                assertEquals(EXCEEDED, stop(vm, code).getMessage(), code);
                assertEquals("", out.toString(StandardCharsets.ISO_8859_1), code);
            }
        }
    }

    @Test
    void aStoppedVmStaysStopped() {
        Vm vm = vm();
        stop(vm, BOMBS[0]);
        assertEquals(EXCEEDED, stop(vm, "for i = 1, 1e6 do end").getMessage());
    }

    @Test
    void garbageDoesNotCount() {
        Vm vm = vm();
        assertEquals("done\n", run(vm, "collectgarbage('stop') "
                + "for i = 1, 1e6 do local t = {i, i, i, x = i} end "
                + "local s for i = 1, 1e4 do s = ('x'):rep(10000) .. i end "
                + "for i = 1, 1e5 do local f = function() return i end end "
                + "for i = 1, 1e4 do coroutine.wrap(function() coroutine.yield() end)() end "
                + "print('done')"));
        assertTrue(vm.memoryPeak() <= LIMIT, "peak " + vm.memoryPeak());
    }

    @Test
    void liveDataUpToTheLimitIsAllowed() {
        Vm vm = vm();
        assertEquals("12582912\n", run(vm, "local keep = {} for i = 1, 12 do keep[i] = ('x'):rep(1 << 20) .. '' end "
                + "local n = 0 for _, s in ipairs(keep) do n = n + #s end print(n)"));
    }

    @Test
    void aRequestTooLargeForTheLimitFailsBeforeAllocating() {
        Vm vm = vm();
        long before = vm.memoryInUse();
        assertEquals(EXCEEDED, stop(vm, "local s = ('x'):rep(100 << 20)").getMessage());
        assertTrue(vm.memoryInUse() - before < LIMIT, "counted " + (vm.memoryInUse() - before));
    }

    @Test
    void withoutALimitTheSizeErrorIsLuas() {
        LuaError e = Lua.error("local s = string.rep('x', 1 << 40)");
        assertEquals("test:1: resulting string too large", e.getMessage());
    }

    @Test
    void memoryInUseFollowsLiveData() {
        Vm vm = Lua.newVm(new ByteArrayOutputStream());
        run(vm, "keep = ('x'):rep(4 << 20) collectgarbage()");
        long holding = vm.memoryInUse();
        assertTrue(holding >= 4 << 20 && holding < 5 << 20, "holding " + holding);
        run(vm, "keep = nil collectgarbage()");
        long released = vm.memoryInUse();
        assertTrue(released < 1 << 20, "released " + released);
        assertTrue(vm.memoryPeak() >= holding, "peak " + vm.memoryPeak());
        assertEquals("true\n", run(vm, "keep = ('x'):rep(2 << 20) collectgarbage() "
                + "local kib = collectgarbage('count') print(kib > 2048 and kib < 3072)"));
    }

    @Test
    void aMeasurementFindsDataWhereverItIsKept() {
        for (String place : HIDING_PLACES) {
            Vm vm = Lua.newVm(new ByteArrayOutputStream());
            run(vm, "local big = ('x'):rep(1 << 20) .. '!' " + place + " big = nil");
            long held = vm.measureMemory();
            assertTrue(held > 1 << 20, place + " -> " + held);
        }
        Vm vm = Lua.newVm(new ByteArrayOutputStream());
        assertEquals("true\n", run(vm, "local big = ('x'):rep(1 << 20) .. '!' coroutine.wrap(function() "
                + "local keep = big big = nil collectgarbage() print(collectgarbage('count') > 1024) end)()"));
        run(vm, "local big = ('x'):rep(1 << 20) .. '!' hidden = {big} hidden = nil");
        assertTrue(vm.measureMemory() < 1 << 20, "garbage counted: " + vm.memoryInUse());
    }

    @Test
    void limitsAreNamedInBinaryUnits() {
        long[] limits = {1L << 30, 64L << 20, 1536L << 10, 1_000_000};
        String[] names = {"1 GiB", "64 MiB", "1536 KiB", "1000000 bytes"};
        for (int i = 0; i < limits.length; i++) {
            Vm vm = Lua.newVm(new ByteArrayOutputStream());
            vm.setMaxMemory(limits[i]);
            assertEquals("memory limit of " + names[i] + " exceeded",
                    stop(vm, "local s = ('x'):rep(1 << 31 - 1)").getMessage());
        }
    }
}
