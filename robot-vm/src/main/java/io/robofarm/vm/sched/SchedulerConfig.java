package io.robofarm.vm.sched;

import io.robofarm.vm.host.HostModule;

import java.util.List;

/**
 * How a {@link VmScheduler} runs robots.
 *
 * @param workers         worker threads that run robots (default: available processors)
 * @param maxLive         robots admitted and not finished, beyond which submit is rejected
 * @param maxRunnable     robots queued or running (not parked), beyond which submit is rejected
 * @param slicesPerTurn   fuel slices (16,384 units each) a robot runs before the next robot's turn
 * @param modules         host modules robots may be granted, besides the built-in {@code time} and {@code log}
 */
public record SchedulerConfig(int workers, int maxLive, int maxRunnable, int slicesPerTurn, List<HostModule> modules) {
    public SchedulerConfig {
        if (workers < 1 || maxLive < 1 || maxRunnable < 1 || slicesPerTurn < 1) {
            throw new IllegalArgumentException("workers, limits and slices per turn must be positive");
        }
        modules = List.copyOf(modules);
    }

    /** One worker per core, a million live and 100,000 runnable robots, one slice per turn, no extra modules. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(Runtime.getRuntime().availableProcessors(), 1_000_000, 100_000, 1, List.of());
    }

    public SchedulerConfig withWorkers(int workers) {
        return new SchedulerConfig(workers, maxLive, maxRunnable, slicesPerTurn, modules);
    }

    public SchedulerConfig withMaxLive(int maxLive) {
        return new SchedulerConfig(workers, maxLive, maxRunnable, slicesPerTurn, modules);
    }

    public SchedulerConfig withMaxRunnable(int maxRunnable) {
        return new SchedulerConfig(workers, maxLive, maxRunnable, slicesPerTurn, modules);
    }

    public SchedulerConfig withSlicesPerTurn(int slicesPerTurn) {
        return new SchedulerConfig(workers, maxLive, maxRunnable, slicesPerTurn, modules);
    }

    public SchedulerConfig withModules(List<HostModule> modules) {
        return new SchedulerConfig(workers, maxLive, maxRunnable, slicesPerTurn, modules);
    }
}
