package io.robofarm.vm.host;

import io.robofarm.vm.interp.Execution;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.stdlib.StandardLibraries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host modules as scripts see them: granted by name, sync and async functions, errors at the call site. */
class HostModulesTest {
    private final List<String> lines = new ArrayList<>();
    private final HostContext context = (level, line) -> lines.add(level + " " + line);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<Object> fetched = new CompletableFuture<>();
    private final HostModule kv = HostModule.named("kv")
            .function("echo", HostCall::args)
            .function("get", call -> {
                String key = call.checkString(1);
                if (key.equals("missing")) {
                    throw new HostError("no key " + key);
                }
                if (key.equals("bug")) {
                    throw new IllegalStateException("store closed");
                }
                return Map.of("key", key, "size", key.length());
            })
            .asyncFunction("fetch", call -> call.checkString(1).equals("now") ? CompletableFuture.completedFuture("early") : fetched)
            .build();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private Vm sandbox(HostModule... modules) {
        Vm vm = new Vm();
        StandardLibraries.openSandboxed(vm);
        vm.setStdout(new LineOutput(context, OutputLevel.PRINT));
        HostModules.install(vm, List.of(modules), context);
        return vm;
    }

    private static Object[] run(Vm vm, String code) {
        return vm.call(vm.load(code, "=test", vm.globals()));
    }

    @Test
    void onlyGrantedModulesCanBeRequired() {
        Vm vm = sandbox(LogModule.module());
        LuaError e = assertThrows(LuaError.class, () -> run(vm, "require 'kv'"));
        assertEquals("test:1: module 'kv' not found: not granted to this sandbox", e.getMessage());
        run(vm, "require('log').info('ok')");
        assertEquals(List.of("INFO ok"), lines);
    }

    @Test
    void aVmWithTheFullLibraryFindsThemInPackageLoaded() {
        Vm vm = new Vm();
        StandardLibraries.openAll(vm);
        HostModules.install(vm, List.of(kv), context);
        assertArrayEquals(new Object[] {true}, run(vm, "return package.loaded.kv == require 'kv'"));
    }

    @Test
    void syncFunctionsConvertArgumentsAndResults() {
        Vm vm = sandbox(kv);
        Object[] r = run(vm, "local kv = require 'kv' local v = kv.get('abc') return v.key, v.size, kv.echo(1, 'x', {2.5})");
        assertEquals("abc", r[0]);
        assertEquals(3L, r[1]);
        assertEquals(List.of(1L, "x", List.of(2.5)), LuaValues.toJava(r[2]));
    }

    @Test
    void hostFailuresAreLuaErrorsAtTheCallSite() {
        Vm vm = sandbox(kv);
        Object[] r = run(vm, "local kv = require 'kv'\n"
                + "return select(2, pcall(function() local v = kv.get(nil) return v end)), select(2, pcall(function() return kv.get('missing') end)),\n"
                + "  select(2, pcall(function() local v = kv.get('bug') return v end)), select(2, pcall(function() local v = kv.echo(print) return v end))");
        assertArrayEquals(new Object[] {
            "test:2: bad argument #1 to 'get' (string expected, got nil)",
            "test:2: no key missing",
            "test:3: kv.get failed: store closed",
            "test:3: bad argument #1 to 'echo' (cannot pass a function value to the host)"}, r);
    }

    @Test
    void asyncFunctionsParkUntilTheirFutureCompletes() {
        Vm vm = sandbox(kv);
        Execution ex = new Execution(vm, vm.load("local kv = require 'kv' return kv.fetch('now'), kv.fetch('later')", "=test", vm.globals()));
        assertEquals(Execution.Step.PARKED, ex.run(1));
        PendingCall pending = assertInstanceOf(PendingCall.class, ex.waitingFor());
        assertEquals("kv.fetch", pending.function());
        fetched.complete(List.of("a", 1));
        pending.deliver(ex);
        assertEquals(Execution.Step.RETURNED, ex.run(1));
        assertEquals("early", ex.results()[0]);
        assertEquals(List.of("a", 1L), LuaValues.toJava(ex.results()[1]));
    }

    @Test
    void aFailedFutureIsALuaErrorWithItsMessage() {
        Vm vm = sandbox(kv);
        Execution ex = new Execution(vm, vm.load("local ok, e = pcall(function() local v = require('kv').fetch('x') return v end) return e",
                "=test", vm.globals()));
        assertEquals(Execution.Step.PARKED, ex.run(1));
        fetched.completeExceptionally(new java.io.IOException("connection reset"));
        ((PendingCall) ex.waitingFor()).deliver(ex);
        assertEquals(Execution.Step.RETURNED, ex.run(1));
        assertEquals("test:1: kv.fetch failed: connection reset", ex.results()[0]);
    }

    @Test
    void logFormatsLikeStringFormatAndTostring() {
        Vm vm = sandbox(LogModule.module());
        run(vm, "local log = require 'log' log.info('%d robots, %s', 3, 'ok') log.warn(1.5) log.error({}) print('plain', 1)");
        assertEquals("INFO 3 robots, ok", lines.get(0));
        assertEquals("WARN 1.5", lines.get(1));
        assertTrue(lines.get(2).startsWith("ERROR table: 0x"), lines.get(2));
        assertEquals("PRINT plain\t1", lines.get(3));
        LuaError e = assertThrows(LuaError.class, () -> run(vm, "require('log').info('%d', 'x')"));
        assertEquals("test:1: bad argument #2 to 'info' (number expected, got string)", e.getMessage());
    }

    @Test
    void everyVmHasItsOwnModuleTable() {
        Vm a = sandbox(LogModule.module());
        Vm b = sandbox(LogModule.module());
        run(a, "require('log').info = nil");
        run(b, "require('log').info('still here')");
        assertEquals(List.of("INFO still here"), lines);
    }

    @Test
    void sleepParksUntilTheTimerWakesIt() throws Exception {
        Vm vm = sandbox(TimeModule.create(timer));
        Execution ex = new Execution(vm, vm.load("local time = require 'time' time.sleep(0) time.sleep(30) return 'awake'", "=test", vm.globals()));
        long start = System.nanoTime();
        assertEquals(Execution.Step.PARKED, ex.run(1));
        PendingCall pending = (PendingCall) ex.waitingFor();
        assertEquals("time.sleep", pending.function());
        pending.future().get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start >= 30_000_000L);
        pending.deliver(ex);
        assertEquals(Execution.Step.RETURNED, ex.run(1));
        assertEquals("awake", ex.results()[0]);
    }
}
