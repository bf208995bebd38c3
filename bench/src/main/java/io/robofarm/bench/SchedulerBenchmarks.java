package io.robofarm.bench;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.host.HostModule;
import io.robofarm.vm.parse.LuaCompiler;
import io.robofarm.vm.sched.Outcome;
import io.robofarm.vm.sched.RobotHandle;
import io.robofarm.vm.sched.RobotListener;
import io.robofarm.vm.sched.RobotSpec;
import io.robofarm.vm.sched.SchedulerConfig;
import io.robofarm.vm.sched.VmScheduler;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Measures the robot scheduler against the targets of issue 3 and prints one line per figure:
 * spawn-to-finish cost of a trivial robot, heap per parked robot, 100,000 looping and sleeping
 * robots on two workers, and how late sleepers wake while 1,000 CPU-bound robots run.
 *
 * <p>Usage: {@code SchedulerBenchmarks [--workers N] [spawn|density|concurrency|fairness]...} (all by
 * default; N, default 2, is the worker count of concurrency and fairness).
 * Run each in its own JVM with a heap large enough for 100,000 robots (e.g. {@code -Xmx4g}), so
 * that one figure does not disturb the next.
 */
public final class SchedulerBenchmarks {
    private static final int ROBOTS = 100_000;

    private SchedulerBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = new ArrayList<>();
        int workers = 2;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--workers")) {
                workers = Integer.parseInt(args[++i]);
            } else {
                which.add(args[i]);
            }
        }
        if (which.isEmpty()) {
            which = List.of("spawn", "density", "concurrency", "fairness");
        }
        for (String name : which) {
            switch (name) {
                case "spawn" -> spawn();
                case "density" -> density();
                case "concurrency" -> concurrency(workers);
                case "fairness" -> fairness(workers);
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            }
        }
    }

    private static Prototype compile(String code) {
        return LuaCompiler.compile(code, "=robot");
    }

    private static SchedulerConfig config(int workers) {
        return SchedulerConfig.defaults().withWorkers(workers).withMaxRunnable(1_000_000);
    }

    /**
     * Submits 100,000 trivial robots to one worker and waits for all: wall time per robot, and the
     * part of it the submitting thread spent creating the VMs (while the worker already ran them).
     */
    private static void spawn() throws Exception {
        RobotSpec spec = RobotSpec.of(compile("local params = ... return 1"));
        try (VmScheduler scheduler = new VmScheduler(config(1))) {
            for (int round = 0; round < 8; round++) {
                CompletableFuture<?>[] outcomes = new CompletableFuture<?>[ROBOTS];
                long start = System.nanoTime();
                for (int i = 0; i < ROBOTS; i++) {
                    outcomes[i] = scheduler.submit(spec, RobotListener.NONE).outcome();
                }
                long submitted = System.nanoTime();
                CompletableFuture.allOf(outcomes).join();
                long end = System.nanoTime();
                System.out.printf("spawn: round %d: %,d trivial robots submitted, run and finished on 1 worker: %.2f us per robot "
                        + "(submitting: %.2f us per robot)%n", round, ROBOTS, (end - start) / 1e3 / ROBOTS, (submitted - start) / 1e3 / ROBOTS);
            }
        }
    }

    /** Parks 100,000 robots in a long sleep and divides the heap they hold by their number. */
    private static void density() throws Exception {
        RobotSpec spec = RobotSpec.of(compile("local time = require 'time' time.sleep(3600000)")).withModules(Set.of("time"));
        try (VmScheduler scheduler = new VmScheduler(config(2))) {
            scheduler.submit(spec, RobotListener.NONE);
            waitUntil(() -> scheduler.runnableCount() == 0);
            long before = usedHeapAfterGc();
            for (int i = 1; i < ROBOTS; i++) {
                scheduler.submit(spec, RobotListener.NONE);
            }
            waitUntil(() -> scheduler.runnableCount() == 0);
            long after = usedHeapAfterGc();
            System.out.printf("density: %,d robots parked in time.sleep: heap %,d -> %,d bytes, %,d bytes per robot%n",
                    scheduler.liveCount(), before, after, (after - before) / (ROBOTS - 1));
        }
    }

    /** 100,000 robots, each computing and sleeping 10 times: time until all have finished. */
    private static void concurrency(int workers) throws Exception {
        RobotSpec spec = RobotSpec.of(compile("local time = require 'time' local s = 0 "
                + "for i = 1, 10 do for j = 1, 1000 do s = s + j end time.sleep(10) end return s")).withModules(Set.of("time"));
        try (VmScheduler scheduler = new VmScheduler(config(workers))) {
            long start = System.nanoTime();
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(ROBOTS);
            for (int i = 0; i < ROBOTS; i++) {
                outcomes.add(scheduler.submit(spec, RobotListener.NONE).outcome());
            }
            long succeeded = 0;
            for (CompletableFuture<Outcome> o : outcomes) {
                if (o.join().kind() == Outcome.Kind.SUCCEEDED && o.join().values().equals(List.of(5_005_000L))) {
                    succeeded++;
                }
            }
            System.out.printf("concurrency: %,d of %,d robots (10 x (1,000 additions + sleep 10 ms)) finished correctly on %d workers in %d ms%n",
                    succeeded, ROBOTS, workers, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** 1,000 CPU-bound robots and 100 robots sleeping 10 ms 50 times each: how late the sleepers wake. */
    private static void fairness(int workers) throws Exception {
        int sleepers = 100;
        int naps = 50;
        long[] lateness = new long[sleepers * naps];
        AtomicInteger recorded = new AtomicInteger();
        HostModule probe = HostModule.named("probe")
                .function("now", call -> System.nanoTime())
                .function("late", call -> {
                    lateness[recorded.getAndIncrement()] = call.checkInteger(1);
                    return null;
                })
                .build();
        SchedulerConfig config = config(workers).withModules(List.of(probe));
        RobotSpec spinner = RobotSpec.of(compile("local n = 0 while true do n = n + 1 end"));
        RobotSpec sleeper = RobotSpec.of(compile("local time, probe = require 'time', require 'probe' "
                + "for i = 1, " + naps + " do local t = probe.now() time.sleep(10) probe.late(probe.now() - t - 10000000) end"))
                .withModules(Set.of("time", "probe"));
        try (VmScheduler scheduler = new VmScheduler(config)) {
            List<RobotHandle> spinners = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                spinners.add(scheduler.submit(spinner, RobotListener.NONE));
            }
            Thread.sleep(500);
            List<CompletableFuture<Outcome>> done = new ArrayList<>();
            for (int i = 0; i < sleepers; i++) {
                done.add(scheduler.submit(sleeper, RobotListener.NONE).outcome());
            }
            done.forEach(CompletableFuture::join);
            long spun = spinners.stream().mapToLong(r -> r.stats().fuelUsed()).sum();
            long[] sorted = Arrays.copyOf(lateness, recorded.get());
            Arrays.sort(sorted);
            System.out.printf("fairness: %,d wake-ups of 10 ms sleeps among 1,000 CPU-bound robots on %d workers: lateness p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms; the CPU-bound robots ran %,d fuel units%n", sorted.length, workers,
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, spun);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(10);
        }
    }
}
