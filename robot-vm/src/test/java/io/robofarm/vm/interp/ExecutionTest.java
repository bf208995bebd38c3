package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running a VM in steps: preemption between slices, parking in host functions, resuming on other threads. */
class ExecutionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Vm vm = Lua.newVm(out);

    ExecutionTest() {
        vm.globals().put("wait", JavaFunction.of("wait", L -> Execution.park(L, L.type(1) == LuaType.STRING ? "waiting for " + L.checkString(1) : "waiting")));
    }

    private Execution execution(String code) {
        return new Execution(vm, vm.load(code, "=test", vm.globals()));
    }

    /** Runs one slice per step, each on a different thread, until the execution returns; returns the step count. */
    private static int runToEnd(Execution ex) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            int steps = 1;
            while (threads.submit(() -> ex.run(1)).get() == Execution.Step.PREEMPTED) {
                steps++;
            }
            return steps;
        } finally {
            threads.shutdown();
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLoopIsPreemptedEverySliceAndResumesWhereItStopped() throws Exception {
        Execution ex = execution("local n = 0 for i = 1, 200000 do n = n + i end "
                + "local m = 0 while m < 100000 do m = m + 1 end return n, m");
        int steps = runToEnd(ex);
        assertTrue(steps > 10, "steps: " + steps);
        assertArrayEquals(new Object[] {20000100000L, 100000L}, ex.results());
    }

    @Test
    void callsPreemptedBeforeTheyRunAreRunOnceOnResume() throws Exception {
        String code = "local calls = 0 "
                + "local function fib(n) calls = calls + 1 if n < 2 then return n end return fib(n - 1) + fib(n - 2) end "
                + "local function tail(n) if n == 0 then return 'done' end return tail(n - 1) end "
                + "return fib(24), calls, tail(100000), select('#', string.byte('abc', 1, -1))";
        Execution ex = execution(code);
        assertTrue(runToEnd(ex) > 5);
        assertArrayEquals(new Object[] {46368L, 150049L, "done", 3L}, ex.results());
    }

    @Test
    void coroutinesArePreemptedInsideAndContinueAfterwards() throws Exception {
        Execution ex = execution("local co = coroutine.wrap(function() local s = 0 "
                + "for i = 1, 100000 do s = s + i if i % 25000 == 0 then coroutine.yield(s) end end return -1 end) "
                + "return co(), co(), co(), co(), co()");
        assertTrue(runToEnd(ex) > 3);
        assertArrayEquals(new Object[] {312512500L, 1250025000L, 2812537500L, 5000050000L, -1L}, ex.results());
    }

    @Test
    void aLibraryCallbackIsNeverCutInTheMiddle() throws Exception {
        Execution ex = execution("local t = {} for i = 1, 300 do t[i] = (i * 7919) % 300 end "
                + "table.sort(t, function(a, b) for _ = 1, 200 do end return a < b end) return t[1], t[300]");
        runToEnd(ex);
        assertArrayEquals(new Object[] {0L, 299L}, ex.results());
    }

    @Test
    void luaRunFromJavaOnAnotherCoroutineIsNeverCutEither() throws Exception {
        Execution ex = execution("local closed "
                + "local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() "
                + "local s = 0 for i = 1, 200000 do s = s + i end closed = s end}) coroutine.yield() end) "
                + "coroutine.resume(co) coroutine.close(co) return closed");
        runToEnd(ex);
        assertArrayEquals(new Object[] {20000100000L}, ex.results());
    }

    @Test
    void aParkedCallReturnsTheValuesItIsResumedWith() {
        Execution ex = execution("local a, b = wait('light') print(a, b) return a + 1");
        assertEquals(Execution.Step.PARKED, ex.run(1));
        assertEquals("waiting for light", ex.waitingFor());
        ex.resume(41L, "green");
        assertEquals(Execution.Step.RETURNED, ex.run(1));
        assertArrayEquals(new Object[] {42L}, ex.results());
        assertEquals("41\tgreen\n", printed());
    }

    @Test
    void aParkedCallFailsAtItsCallSiteWhenResumedWithAnError() {
        Execution ex = execution("print(pcall(function() local v = wait() return v end))\nprint(pcall(wait))\nwait()");
        assertEquals(Execution.Step.PARKED, ex.run(1));
        ex.resumeWithError("connection refused");
        assertEquals(Execution.Step.PARKED, ex.run(1));
        ex.resumeWithError("no position when called by pcall itself, as in lua5.4");
        assertEquals(Execution.Step.PARKED, ex.run(1));
        assertEquals("false\ttest:1: connection refused\nfalse\tno position when called by pcall itself, as in lua5.4\n",
                printed());
        ex.resumeWithError("gone");
        LuaError e = assertThrows(LuaError.class, () -> ex.run(1));
        assertEquals("test:3: gone", e.getMessage());
        assertTrue(e.luaTraceback().contains("test:3: in main chunk"), e.luaTraceback());
    }

    @Test
    void coroutinesAndPcallCanPark() {
        Execution ex = execution("local co = coroutine.wrap(function(x) local y = wait() return x + y end) "
                + "local ok, v = pcall(co, 1) return ok, v, coroutine.wrap(wait)()");
        assertEquals(Execution.Step.PARKED, ex.run(1));
        ex.resume(2L);
        assertEquals(Execution.Step.PARKED, ex.run(1));
        ex.resume("body");
        assertEquals(Execution.Step.RETURNED, ex.run(1));
        assertArrayEquals(new Object[] {true, 3L, "body"}, ex.results());
    }

    @Test
    void libraryCallbacksAndHostMetamethodsCannotPark() {
        Execution ex = execution("print(pcall(table.sort, {1, 2}, function(a, b) wait() end)) "
                + "print(pcall(function() return setmetatable({}, {__index = wait}).x end))");
        assertEquals(Execution.Step.RETURNED, ex.run(1));
        assertEquals("false\ttest:1: " + Execution.NOT_PARKABLE + "\n"
                + "false\ttest:1: attempt to wait inside a metamethod implemented by the host\n", printed());
    }

    @Test
    void parkingOutsideAnExecutionIsALuaError() {
        LuaError e = assertThrows(LuaError.class, () -> vm.call(vm.load("wait()", "=test", vm.globals())));
        assertEquals("test:1: attempt to wait outside a scheduled run", e.getMessage());
    }

    @Test
    void limitsStillStopASteppedRun() throws Exception {
        vm.setMaxFuel(50_000);
        Execution ex = execution("while true do end");
        VmInterrupted e = assertThrows(VmInterrupted.class, () -> {
            while (ex.run(1) == Execution.Step.PREEMPTED) {
                continue;
            }
        });
        assertEquals("fuel exhausted", e.getMessage());
        assertEquals(50_001, vm.fuelUsed());
    }

    @Test
    void theSliceHookRunsOnTheVmThreadAtEverySliceEnd() {
        int[] calls = {0};
        Execution ex = execution("for i = 1, 100000 do end");
        ex.setSliceHook(() -> calls[0]++);
        assertEquals(Execution.Step.RETURNED, ex.run(Integer.MAX_VALUE));
        assertTrue(calls[0] >= 6, "hook calls: " + calls[0]);
    }

    @Test
    void aParkedVmShowsItsStackAndLocals() {
        Execution ex = execution("local robot = 'r2'\nlocal function step(n)\n  local half = n / 2\n  wait()\nend\nstep(7)");
        assertEquals(Execution.Step.PARKED, ex.run(1));
        assertEquals(4, StackInspector.currentLine(vm));
        assertEquals(3, StackInspector.callDepth(vm));
        List<StackFrameInfo> stack = StackInspector.stack(vm);
        assertEquals(new StackFrameInfo("wait", "[C]", -1, List.of()), stack.get(0));
        assertEquals(new StackFrameInfo("local 'step'", "test", 4,
                List.of(new StackFrameInfo.Local("n", "7", "number"), new StackFrameInfo.Local("half", "3.5", "number"))), stack.get(1));
        assertEquals(new StackFrameInfo("main chunk", "test", 6,
                List.of(new StackFrameInfo.Local("robot", "\"r2\"", "string"), new StackFrameInfo.Local("step", stack.get(2).locals().get(1).value(), "function"))),
                stack.get(2));
        assertTrue(stack.get(2).locals().get(1).value().startsWith("function: 0x"));
    }
}
