package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpreterTest {

    @Test
    void integerAndFloatArithmeticFollowLua54() {
        assertEquals("3\t-2\t3.5\t1024.0\t-4\t2\t-1.0\n",
                Lua.run("local a, b = 10, -3 print(a // 3, a % b, 7 / 2, 2^10, -7 // 2, -7 % 3, -1 // 1.5)"));
        assertEquals("true\ttrue\tfalse\n",
                Lua.run("print(math.maxinteger + 1 == math.mininteger, 1 == 1.0, 2^53 + 1 == 2^53 + 1.0 and false)"));
        assertEquals("11\t7\t0\n", Lua.run("print('10' + 1, 3 | 4.0, 1 << 64)"));
    }

    @Test
    void numericForLoopsCountExactlyAtTheIntegerLimits() {
        assertEquals("3\n", Lua.run("local n = 0 for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end print(n)"));
        assertEquals("1.0\t1.5\t2.0\t\n", Lua.run("local s = '' for x = 1, 2, 0.5 do s = s .. x .. '\\t' end print(s)"));
    }

    @Test
    void luaRecursionDoesNotUseTheJavaStack() {
        assertEquals("150000\n",
                Lua.run("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end print(f(150000))"));
        assertEquals("done\n", Lua.run("local function loop(n) if n == 0 then return 'done' end return loop(n - 1) end "
                + "print(loop(10000000))"));
    }

    @Test
    void unboundedRecursionIsACatchableStackOverflow() {
        assertEquals("false\ttest:1: stack overflow\n",
                Lua.run("local function f(n) return 1 + f(n + 1) end print(pcall(f, 1))"));
    }

    @Test
    void recursionThroughJavaCallsStopsAtTheCStackLimit() {
        String out = Lua.run("local t = setmetatable({}, {__index = function(t, k) return t[k] end})\n"
                + "print(pcall(function() return t.x end))\n"
                + "local s = setmetatable({}, {__tostring = function(v) return tostring(v) end})\n"
                + "print(pcall(tostring, s))");
        assertEquals("false\ttest:1: C stack overflow\nfalse\tC stack overflow\n", out.replaceAll("test:\\d+: C", "test:1: C"));
    }

    @Test
    void metamethodsCoverEveryEvent() {
        String code = "local V = {}\n"
                + "V.__index = function(t, k) return k .. '!' end\n"
                + "V.__add = function(a, b) return 'add' end\n"
                + "V.__concat = function(a, b) return 'cat' end\n"
                + "V.__eq = function() return 1 end\n"
                + "V.__lt = function() return true end\n"
                + "V.__len = function() return 42 end\n"
                + "V.__unm = function() return 'neg' end\n"
                + "V.__call = function(self, x) return 'called ' .. x end\n"
                + "local a, b = setmetatable({}, V), setmetatable({}, V)\n"
                + "print(a.foo, a + 1, 1 + a, a .. 'x', 'x' .. a .. 'y', a == b, a < b, a <= b, #a, -a, a(5))";
        assertEquals("foo!\tadd\tadd\tcat\txcat\ttrue\ttrue\tfalse\t42\tneg\tcalled 5\n", Lua.run(code));
    }

    @Test
    void newindexChainsEndInARawSet() {
        assertEquals("nil\t1\n", Lua.run("local store = {} local proxy = setmetatable({}, {__newindex = store})\n"
                + "proxy.x = 1 print(rawget(proxy, 'x'), store.x)"));
    }

    @Test
    void toBeClosedVariablesCloseInReverseOrderAlsoOnErrors() {
        String code = "local function closer(name) return setmetatable({}, {__close = function(_, e) "
                + "print('close', name, e) end}) end\n"
                + "do local a <close> = closer('a') local b <close> = closer('b') end\n"
                + "print(pcall(function() local c <close> = closer('c') error('boom', 0) end))";
        assertEquals("close\tb\tnil\nclose\ta\tnil\nclose\tc\tboom\nfalse\tboom\n", Lua.run(code));
    }

    @Test
    void varargsAndMultipleResultsAdjust() {
        assertEquals("3\t1\tnil\t3\n2\ta\tb\n",
                Lua.run("local function f(...) return select('#', ...), ... end print(f(1, nil, 3))\n"
                        + "local function g() return 'a', 'b' end local t = {g()} print(#t, table.unpack(t))"));
    }

    @Test
    void closuresShareUpvaluesAndGetFreshOnesPerIteration() {
        assertEquals("1\t2\t3\t10\n", Lua.run("local fs = {} for i = 1, 3 do fs[i] = function() return i end end\n"
                + "local x = 0 local function inc() x = x + 10 end inc()\n"
                + "print(fs[1](), fs[2](), fs[3](), x)"));
    }

    @Test
    void anInterruptStopsAnEndlessLoop() throws Exception {
        Vm vm = Lua.newVm(new ByteArrayOutputStream());
        LuaClosure loop = vm.load("while true do end", "=loop", vm.globals());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                vm.call(loop);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        runner.start();
        Thread.sleep(100);
        vm.interrupt();
        runner.join(5000);
        assertTrue(!runner.isAlive());
        assertInstanceOf(VmInterrupted.class, outcome.get());
    }
}
