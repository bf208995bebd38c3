package io.robofarm.vm.sched;

import io.robofarm.vm.host.HostError;
import io.robofarm.vm.host.HostModule;
import io.robofarm.vm.host.OutputLevel;
import io.robofarm.vm.interp.StackFrameInfo;
import io.robofarm.vm.parse.LuaCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler as the orchestrator uses it: outcomes, preemption, parking, cancellation, admission, observation. */
class VmSchedulerTest {
    private static final Set<String> TIME = Set.of("time");
    private VmScheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private VmScheduler scheduler(SchedulerConfig config) {
        scheduler = new VmScheduler(config);
        return scheduler;
    }

    private VmScheduler oneWorker() {
        return scheduler(SchedulerConfig.defaults().withWorkers(1));
    }

    private static RobotSpec robot(String code) {
        return RobotSpec.of(LuaCompiler.compile(code, "=robot"));
    }

    private static Outcome outcome(RobotHandle robot) throws Exception {
        return robot.outcome().get(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not reached in 10 s");
            Thread.sleep(1);
        }
    }

    @Test
    void aRobotReturnsItsValuesAndGetsItsParameters() throws Exception {
        RobotHandle r = oneWorker().submit(robot("local params = ... for _ = 1, 10 do end return params.name, #params.steps, {ok = true}")
                .withParameters(Map.of("name", "r2", "steps", List.of(1, 2, 3))), RobotListener.NONE);
        Outcome o = outcome(r);
        assertEquals(Outcome.Kind.SUCCEEDED, o.kind());
        assertEquals(List.of("r2", 3L, Map.of("ok", true)), o.values());
        assertTrue(o.fuelUsed() > 0);
        assertEquals(RobotState.FINISHED, r.stats().state());
        assertFalse(r.cancel());
    }

    @Test
    void aLuaErrorFailsTheRobotWithMessageTracebackAndLine() throws Exception {
        Outcome o = outcome(oneWorker().submit(robot("local x\nlocal function f() return x.y end\nf()"), RobotListener.NONE));
        assertEquals(Outcome.Kind.FAILED, o.kind());
        assertEquals("robot:2: attempt to index a nil value (upvalue 'x')", o.message());
        assertEquals(2, o.line());
        assertTrue(o.traceback().startsWith("stack traceback:\n\trobot:2: in "), o.traceback());
    }

    @Test
    void limitsEndTheRobotWithTheirReason() throws Exception {
        VmScheduler s = oneWorker();
        RobotHandle fuel = s.submit(robot("while true do end").withLimits(RobotLimits.NONE.withMaxFuel(100_000)), RobotListener.NONE);
        RobotHandle timeout = s.submit(robot("while true do end").withLimits(RobotLimits.NONE.withTimeout(Duration.ofMillis(50))),
                RobotListener.NONE);
        RobotHandle parked = s.submit(robot("require('time').sleep(60000)").withModules(TIME)
                .withLimits(RobotLimits.NONE.withTimeout(Duration.ofMillis(100))), RobotListener.NONE);
        assertEquals(Outcome.limit("fuel exhausted", 100_001), outcome(fuel));
        assertEquals(new Outcome(Outcome.Kind.LIMIT, List.of(), "timeout after 50 ms", null, -1, outcome(timeout).fuelUsed()),
                outcome(timeout));
        assertEquals("timeout after 100 ms", outcome(parked).message());
    }

    @Test
    void theMemoryLimitEndsAHoardingRobotAndMemoryIsObserved() throws Exception {
        VmScheduler s = oneWorker();
        RobotHandle hoarder = s.submit(robot("collectgarbage('stop') local t = {} while true do t[#t + 1] = ('x'):rep(1000) .. #t end")
                .withLimits(RobotLimits.NONE.withMaxMemoryBytes(1 << 20)), RobotListener.NONE);
        RobotHandle modest = s.submit(robot("local t = {} for i = 1, 10000 do t[i] = tostring(i) end return #t")
                .withLimits(RobotLimits.NONE.withMaxMemoryBytes(1 << 20)), RobotListener.NONE);
        assertEquals(Outcome.limit("memory limit of 1 MiB exceeded", outcome(hoarder).fuelUsed()), outcome(hoarder));
        assertEquals(List.of(10000L), outcome(modest).values());
        RobotHandle paramsHoarder = s.submit(robot("local t = ... while true do t[#t + 1] = #t end")
                .withParameters(Map.of("list", List.of())).withLimits(RobotLimits.NONE.withMaxMemoryBytes(1 << 20)), RobotListener.NONE);
        assertEquals("memory limit of 1 MiB exceeded", outcome(paramsHoarder).message());
        long peak = modest.stats().peakMemoryBytes();
        assertTrue(peak > 10000 * 16 && peak <= 1 << 20, "peak " + peak);
    }

    @Test
    void aCpuBoundRobotDoesNotStarveOthersOnOneWorker() throws Exception {
        VmScheduler s = oneWorker();
        RobotHandle spinner = s.submit(robot("while true do end"), RobotListener.NONE);
        RobotHandle counter = s.submit(robot("local n = 0 for i = 1, 1000000 do n = n + 1 end return n"), RobotListener.NONE);
        assertEquals(List.of(1000000L), outcome(counter).values());
        assertTrue(spinner.stats().fuelUsed() > 0);
        assertTrue(spinner.cancel());
        assertEquals(Outcome.Kind.CANCELLED, outcome(spinner).kind());
    }

    @Test
    void sleepersHoldNoThread() throws Exception {
        VmScheduler s = oneWorker();
        long start = System.nanoTime();
        List<RobotHandle> robots = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            robots.add(s.submit(robot("require('time').sleep(200) return 1").withModules(TIME), RobotListener.NONE));
        }
        for (RobotHandle r : robots) {
            assertEquals(List.of(1L), outcome(r).values());
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 200 && elapsedMs < 5_000, "1000 sleeps of 200 ms took " + elapsedMs + " ms");
        assertEquals(0, s.liveCount());
        assertEquals(0, s.runnableCount());
    }

    @Test
    void cancelEndsARobotInEveryState() throws Exception {
        VmScheduler s = oneWorker();
        CountDownLatch release = new CountDownLatch(1);
        RobotListener blocking = new RobotListener() {
            @Override
            public void onState(RobotHandle robot, RobotState from, RobotState to, String parkReason) {
                if (to == RobotState.RUNNING) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        RobotHandle holder = s.submit(robot("return 1"), blocking);
        RobotHandle queued = s.submit(robot("return 2"), RobotListener.NONE);
        assertEquals(RobotState.RUNNABLE, queued.stats().state());
        assertTrue(queued.cancel());
        assertEquals(Outcome.Kind.CANCELLED, outcome(queued).kind());
        release.countDown();
        assertEquals(Outcome.Kind.SUCCEEDED, outcome(holder).kind());

        RobotHandle sleeper = s.submit(robot("require('time').sleep(60000)").withModules(TIME), RobotListener.NONE);
        await(() -> sleeper.stats().state() == RobotState.PARKED);
        assertTrue(sleeper.cancel());
        assertEquals(Outcome.Kind.CANCELLED, outcome(sleeper).kind());

        RobotHandle spinner = s.submit(robot("local function spin() while true do end end pcall(spin)"), RobotListener.NONE);
        await(() -> spinner.stats().state() == RobotState.RUNNING);
        assertTrue(spinner.cancel());
        assertEquals(Outcome.Kind.CANCELLED, outcome(spinner).kind());
        assertEquals(0, s.liveCount());
    }

    @Test
    void admissionIsLimitedByLiveAndRunnableRobots() throws Exception {
        VmScheduler s = scheduler(SchedulerConfig.defaults().withWorkers(1).withMaxLive(3).withMaxRunnable(1));
        RobotHandle sleeper = s.submit(robot("require('time').sleep(60000)").withModules(TIME), RobotListener.NONE);
        await(() -> sleeper.stats().state() == RobotState.PARKED);
        RobotHandle spinner = s.submit(robot("while true do end"), RobotListener.NONE);
        AdmissionRejected busy = assertThrows(AdmissionRejected.class, () -> s.submit(robot("return 1"), RobotListener.NONE));
        assertEquals("too many robots waiting for a worker: 1 are runnable, the limit", busy.getMessage());
        spinner.cancel();
        outcome(spinner);
        RobotHandle sleeper2 = s.submit(robot("require('time').sleep(60000)").withModules(TIME), RobotListener.NONE);
        await(() -> sleeper2.stats().state() == RobotState.PARKED);
        s.submit(robot("require('time').sleep(60000)").withModules(TIME), RobotListener.NONE);
        AdmissionRejected full = assertThrows(AdmissionRejected.class, () -> s.submit(robot("return 1"), RobotListener.NONE));
        assertEquals("too many robots: 3 are live, the limit", full.getMessage());
        assertEquals(3, s.liveCount());
    }

    @Test
    void asyncHostFunctionsResultsAndErrorsReachTheScript() throws Exception {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        HostModule remote = HostModule.named("remote")
                .asyncFunction("ask", call -> answer)
                .asyncFunction("fail", call -> CompletableFuture.failedFuture(new HostError("service unavailable")))
                .build();
        VmScheduler s = scheduler(SchedulerConfig.defaults().withWorkers(1).withModules(List.of(remote)));
        RobotHandle asker = s.submit(robot("local r = require 'remote' local a = r.ask() return a.value * 2")
                .withModules(Set.of("remote")), RobotListener.NONE);
        await(() -> asker.stats().state() == RobotState.PARKED);
        assertEquals("remote.ask", asker.stats().parkReason());
        answer.complete(Map.of("value", 21));
        assertEquals(List.of(42L), outcome(asker).values());
        Outcome failed = outcome(s.submit(robot("local r = require 'remote'\nlocal v = r.fail()\nreturn v")
                .withModules(Set.of("remote")), RobotListener.NONE));
        assertEquals("robot:2: service unavailable", failed.message());
        assertThrows(IllegalArgumentException.class, () -> s.submit(robot("").withModules(Set.of("fs")), RobotListener.NONE));
    }

    @Test
    void stacksAreTakenWhereTheRobotIs() throws Exception {
        VmScheduler s = oneWorker();
        RobotHandle sleeper = s.submit(robot("local function nap(ms)\n  require('time').sleep(ms)\nend\nnap(60000)").withModules(TIME),
                RobotListener.NONE);
        await(() -> sleeper.stats().state() == RobotState.PARKED);
        List<StackFrameInfo> parked = sleeper.stack().get(10, TimeUnit.SECONDS);
        assertEquals("field 'sleep'", parked.get(0).function());
        assertEquals(new StackFrameInfo("local 'nap'", "robot", 2, List.of(new StackFrameInfo.Local("ms", "60000", "number"))), parked.get(1));
        VmStats stats = sleeper.stats();
        assertEquals(2, stats.line());
        assertEquals(3, stats.callDepth());

        RobotHandle spinner = s.submit(robot("local function spin()\n  local i = 0\n  while true do i = i + 1 end\nend\nspin()"),
                RobotListener.NONE);
        await(() -> spinner.stats().state() == RobotState.RUNNING);
        List<StackFrameInfo> running = spinner.stack().get(10, TimeUnit.SECONDS);
        assertEquals("local 'spin'", running.get(0).function());
        assertEquals(3, running.get(0).line());
        assertEquals("i", running.get(0).locals().get(0).name());
        spinner.cancel();
        outcome(spinner);
        assertEquals(List.of(), spinner.stack().get());
    }

    @Test
    void theListenerGetsStatesAndOutputLines() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        RobotListener listener = new RobotListener() {
            @Override
            public void onState(RobotHandle robot, RobotState from, RobotState to, String parkReason) {
                events.add(from + ">" + to + (parkReason != null ? " " + parkReason : ""));
            }

            @Override
            public void onOutput(RobotHandle robot, long epochMillis, OutputLevel level, String line) {
                assertTrue(Math.abs(System.currentTimeMillis() - epochMillis) < 10_000);
                events.add(level + " " + line);
            }
        };
        RobotHandle r = oneWorker().submit(robot("print('hello', 1) require('time').sleep(50) require('log').warn('low %s', 'fuel')")
                .withModules(Set.of("time", "log")), listener);
        outcome(r);
        assertEquals(List.of("RUNNABLE>RUNNING", "PRINT hello\t1", "RUNNING>PARKED time.sleep", "PARKED>RUNNABLE",
                "RUNNABLE>RUNNING", "WARN low fuel", "RUNNING>FINISHED"), events);
        VmStats stats = r.stats();
        assertTrue(stats.parkedNanos() > 0 && stats.runningNanos() > 0, stats.toString());
        assertNull(stats.parkReason());
    }

    @Test
    void aFailingListenerBreaksNeitherTheRobotNorTheScheduler() throws Exception {
        RobotListener failing = new RobotListener() {
            @Override
            public void onState(RobotHandle robot, RobotState from, RobotState to, String parkReason) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onOutput(RobotHandle robot, long epochMillis, OutputLevel level, String line) {
                throw new IllegalStateException("listener bug");
            }
        };
        VmScheduler s = oneWorker();
        assertEquals(List.of(2L), outcome(s.submit(robot("print('x') require('time').sleep(1) return 2").withModules(TIME), failing)).values());
        assertEquals(List.of(3L), outcome(s.submit(robot("return 3"), RobotListener.NONE)).values());
    }

    @Test
    void closeCancelsEveryRobotAndRejectsNewOnes() throws Exception {
        VmScheduler s = scheduler(SchedulerConfig.defaults().withWorkers(2));
        RobotHandle spinner = s.submit(robot("while true do end"), RobotListener.NONE);
        RobotHandle sleeper = s.submit(robot("require('time').sleep(60000)").withModules(TIME), RobotListener.NONE);
        await(() -> sleeper.stats().state() == RobotState.PARKED);
        s.close();
        assertEquals(Outcome.Kind.CANCELLED, outcome(spinner).kind());
        assertEquals(Outcome.Kind.CANCELLED, outcome(sleeper).kind());
        assertThrows(AdmissionRejected.class, () -> s.submit(robot("return 1"), RobotListener.NONE));
    }
}
