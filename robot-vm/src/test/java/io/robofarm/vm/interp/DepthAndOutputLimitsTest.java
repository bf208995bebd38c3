package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deep recursion (plain, through metamethods, across coroutines), the call depth and output limits,
 * and library calls given hostile callbacks: each ends in a Lua error or a stopped VM, never in a
 * Java exception such as StackOverflowError.
 */
class DepthAndOutputLimitsTest {
    /** Recursion a script may try, directly or hidden behind metamethods and coroutines. */
    private static final String[] RECURSIONS = {
        "local function f(n) return 1 + f(n + 1) end f(1)",
        "local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k .. 'x'] end return t.a",
        "local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end return t.a",
        "local t = setmetatable({}, {}) getmetatable(t).__tostring = function(v) return tostring(v) end print(t)",
        "local mt = {} mt.__eq = function(a, b) return a == b end "
            + "return setmetatable({}, mt) == setmetatable({}, mt)",
        "local f f = function() return coroutine.wrap(f)() end f()",
        "local co = coroutine.wrap(function() local function f() return 1 + f() end return f() end) co()",
        "local function f() return pcall(f) end f()",
        "local function f() return select(2, xpcall(f, f)) end f()",
    };

    private static Vm vm(ByteArrayOutputStream out) {
        return Lua.newVm(out);
    }

    private static Throwable outcome(Vm vm, String code) {
        try {
            vm.call(vm.load(code, "=test", vm.globals()));
            return null;
        } catch (LuaError | VmInterrupted e) {
            return e;
        }
    }

    @Test
    void withoutADepthLimitDeepRecursionIsALuaError() {
        for (String code : RECURSIONS) {
            Throwable e = outcome(vm(new ByteArrayOutputStream()), code);
            if (e != null) {
                assertTrue(e instanceof LuaError && e.getMessage().contains("stack overflow"), code + " -> " + e);
            }
        }
        assertEquals("false\ttest:1: stack overflow\n",
                Lua.run("print(pcall(function() local function f(n) return 1 + f(n + 1) end f(1) end))"));
    }

    @Test
    void theDepthLimitEndsTheVmWhereverTheRecursionHides() {
        for (String code : RECURSIONS) {
            for (String wrapped : new String[] {code, "print(pcall(function() " + code + " end))",
                "print(xpcall(function() " + code + " end, function(m) return m end))"}) {
                Vm vm = vm(new ByteArrayOutputStream());
                vm.setMaxCallDepth(150);
                Throwable e = outcome(vm, wrapped);
                assertTrue(e instanceof VmInterrupted && e.getMessage().equals("call depth limit of 150 exceeded")
                        || e instanceof LuaError && e.getMessage().contains("stack overflow")
                        || e == null, wrapped + " -> " + e);
            }
            Vm vm = vm(new ByteArrayOutputStream());
            vm.setMaxCallDepth(150);
            Throwable e = outcome(vm, code);
            assertTrue(e instanceof VmInterrupted || e.getMessage().contains("C stack overflow"), code + " -> " + e);
        }
    }

    @Test
    void theDepthLimitIsExact() {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.setMaxCallDepth(100);
        String recurse = "local function f(n) if n > 1 then return 1 + f(n - 1) end return 1 end ";
        assertEquals(null, outcome(vm, recurse + "f(99)"));
        VmInterrupted stopped = assertThrows(VmInterrupted.class, () -> vm.call(vm.load(recurse + "f(100)", "=t", vm.globals())));
        assertEquals("call depth limit of 100 exceeded", stopped.getMessage());
    }

    @Test
    void anErrorHandlerCannotRecursePastTheDepthLimit() {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.setMaxCallDepth(150);
        Throwable e = outcome(vm, "print(xpcall(error, function(m) local function f(n) return 1 + f(n) end return f(1) end))");
        assertTrue(e instanceof VmInterrupted, String.valueOf(e));
        assertEquals("call depth limit of 150 exceeded", e.getMessage());
    }

    @Test
    void outputStopsAtTheLimitWithTheBytesBeforeIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = vm(out);
        vm.setMaxOutputBytes(1 << 20);
        VmInterrupted stopped = assertThrows(VmInterrupted.class, () -> vm.call(vm.load(
                "print(pcall(function() while true do io.write(('x'):rep(1000), '\\n') end end))", "=t", vm.globals())));
        assertEquals("output limit of 1 MiB exceeded", stopped.getMessage());
        assertEquals(1 << 20, out.size());
        assertEquals(1 << 20, vm.outputBytes());
    }

    @Test
    void printCountsAgainstTheOutputLimitToo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = vm(out);
        vm.setMaxOutputBytes(10);
        VmInterrupted stopped = assertThrows(VmInterrupted.class, () -> vm.call(vm.load(
                "print('12345') print('67890') print('never')", "=t", vm.globals())));
        assertEquals("output limit of 10 bytes exceeded", stopped.getMessage());
        assertEquals("12345\n6789", out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void badSortComparatorsAreLuaErrors() {
        String many = "local t = {} for i = 1, 200 do t[i] = (i * 37) % 200 end ";
        assertEquals("false\tinvalid order function for sorting\n",
                Lua.run(many + "print(pcall(table.sort, t, function(a, b) return true end))"));
        assertEquals("false\ttest:1: boom\n",
                Lua.run(many + "print(pcall(table.sort, t, function(a, b) error('boom') end))"));
        assertEquals("false\tattempt to compare string with number\n", Lua.run("print(pcall(table.sort, {3, 'x', 1}))"));
        assertEquals("false\tattempt to compare two table values\n", Lua.run("print(pcall(table.sort, {{}, {}, {}}))"));
        String random = Lua.run(many + "math.randomseed(7) "
                + "print(pcall(table.sort, t, function(a, b) return math.random() < 0.5 end))");
        assertTrue(random.equals("true\n") || random.equals("false\tinvalid order function for sorting\n"), random);
        String shrinking = Lua.run(many + "print(pcall(table.sort, t, function(a, b) t[#t] = nil return a < b end))");
        assertTrue(shrinking.startsWith("false\t") || shrinking.equals("true\n"), shrinking);
    }

    @Test
    void aCatastrophicPatternRunsOutOfFuel() {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.setMaxFuel(5_000_000);
        VmInterrupted stopped = assertThrows(VmInterrupted.class, () -> vm.call(vm.load(
                "print(pcall(string.find, string.rep('a', 5000), '.-.-.-.-b'))", "=t", vm.globals())));
        assertEquals("fuel exhausted", stopped.getMessage());
    }
}
