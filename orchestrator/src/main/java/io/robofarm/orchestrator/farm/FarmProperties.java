package io.robofarm.orchestrator.farm;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code robofarm.farm.*}: how much this node runs. Defaults fit the machine: one VM worker thread
 * per core, and up to 500 live VMs per core (a parked VM holds no thread, so most of them wait cheaply).
 *
 * @param workers        threads that execute VMs
 * @param capacity       runs this node holds at once (running or parked); QUEUED runs wait beyond that
 * @param dispatchBatch  queued runs looked at per dispatch round; small, so a run of higher priority queued
 *                       meanwhile waits at most one short round
 * @param pollInterval   how often the dispatcher looks at the queue when nothing woke it
 * @param statsInterval  how often each live VM is sampled for the live stream
 * @param shutdownGrace  how long a stopping node lets its runs finish before it stops them
 * @param stateWriters   threads that finish ended runs (their final state is then stored by the run finisher)
 * @param stateSettling  how long a run's RUNNING/PARKED change waits before it is persisted; changes
 *                       within that time fold into one write of the latest state (see {@link RunStateSettler}),
 *                       so a park shorter than this is not persisted on its own
 */
@ConfigurationProperties("robofarm.farm")
public record FarmProperties(Integer workers, Integer capacity, Integer dispatchBatch, Duration pollInterval,
                             Duration statsInterval, Duration shutdownGrace, Integer stateWriters,
                             Duration stateSettling) {
    public FarmProperties {
        int cores = Runtime.getRuntime().availableProcessors();
        workers = workers == null ? cores : workers;
        capacity = capacity == null ? 500 * cores : capacity;
        dispatchBatch = dispatchBatch == null ? 100 : dispatchBatch;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        statsInterval = statsInterval == null ? Duration.ofMillis(500) : statsInterval;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
        stateWriters = stateWriters == null ? Math.max(2, cores) : stateWriters;
        stateSettling = stateSettling == null ? Duration.ofMillis(100) : stateSettling;
        if (workers < 1 || capacity < 1 || dispatchBatch < 1 || stateWriters < 1) {
            throw new IllegalArgumentException("robofarm.farm workers, capacity, dispatch-batch and state-writers must be positive");
        }
        if (stateSettling.isNegative()) {
            throw new IllegalArgumentException("robofarm.farm.state-settling must not be negative");
        }
    }
}
