package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.VmStats;
import io.robofarm.vm.sched.RobotHandle;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every live VM each {@code statsInterval} and publishes a {@link VmStats} when something
 * changed since the last sample. Sampling (rather than reporting every change) is what bounds the
 * live stream to a few updates per second per VM, however fast the VM runs. A round is spread over
 * ticks of {@value #TICK_MILLIS} ms, each sampling the runs whose id falls in its slice, so 10,000 VMs
 * make a steady stream rather than a burst of 10,000 events twice a second.
 */
@Component
class VmSampler {
    private final Dispatcher dispatcher;
    private final LiveEventBus bus;
    private final FarmProperties farm;
    static final long TICK_MILLIS = 50;

    private final Map<Long, VmStats> lastSent = new ConcurrentHashMap<>();
    private long tick;
    /** This round's live runs, one list per tick; only the sampler's thread touches it. */
    private List<List<Long>> round = List.of();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vm-sampler");
        t.setDaemon(true);
        return t;
    });

    VmSampler(Dispatcher dispatcher, LiveEventBus bus, FarmProperties farm) {
        this.dispatcher = dispatcher;
        this.bus = bus;
        this.farm = farm;
    }

    @PostConstruct
    void startSampling() {
        long every = Math.min(TICK_MILLIS, farm.statsInterval().toMillis());
        timer.scheduleWithFixedDelay(this::sampleSlice, every, every, TimeUnit.MILLISECONDS);
    }

    private int slices() {
        return (int) Math.max(1, farm.statsInterval().toMillis() / TICK_MILLIS);
    }

    /**
     * Samples the next slice of the live runs. The first tick of a round takes one snapshot of the
     * live runs, split into the round's slices, and forgets ended runs; a run started meanwhile is
     * sampled from the next round on.
     */
    private void sampleSlice() {
        int slices = slices();
        int slice = (int) (tick++ % slices);
        if (slice == 0) {
            Set<Long> live = dispatcher.runningIds();
            lastSent.keySet().retainAll(live);
            round = split(live, slices);
        }
        if (slice < round.size()) {
            round.get(slice).forEach(this::sample);
        }
    }

    private static List<List<Long>> split(Set<Long> runIds, int slices) {
        List<List<Long>> parts = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            parts.add(new ArrayList<>(runIds.size() / slices + 1));
        }
        int next = 0;
        for (long runId : runIds) {
            parts.get(next).add(runId);
            next = (next + 1) % slices;
        }
        return parts;
    }

    private void sample(long runId) {
        RunExecution execution = dispatcher.execution(runId);
        RobotHandle handle = execution == null ? null : execution.handle();
        if (handle == null) {
            return;
        }
        io.robofarm.vm.sched.VmStats vm = handle.stats();
        VmStats stats = new VmStats(runId, vm.state().name(), vm.parkReason(), vm.line(), vm.callDepth(),
                vm.fuelUsed(), vm.memoryBytes());
        if (!stats.equals(lastSent.put(runId, stats))) {
            bus.publish(stats);
        }
    }

    @PreDestroy
    void stopSampling() {
        timer.shutdownNow();
    }
}
