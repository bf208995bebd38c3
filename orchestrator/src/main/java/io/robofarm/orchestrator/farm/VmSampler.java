package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.VmStats;
import io.robofarm.vm.sched.RobotHandle;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every live VM each {@code statsInterval} and publishes a {@link VmStats} when something
 * changed since the last sample. Sampling (rather than reporting every change) is what bounds the
 * live stream to a few updates per second per VM, however fast the VM runs.
 */
@Component
class VmSampler {
    private final Dispatcher dispatcher;
    private final LiveEventBus bus;
    private final FarmProperties farm;
    private final Map<Long, VmStats> lastSent = new ConcurrentHashMap<>();
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
        long every = farm.statsInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sample, every, every, TimeUnit.MILLISECONDS);
    }

    void sample() {
        lastSent.keySet().retainAll(dispatcher.runningIds());
        for (long runId : dispatcher.runningIds()) {
            RunExecution execution = dispatcher.execution(runId);
            RobotHandle handle = execution == null ? null : execution.handle();
            if (handle == null) {
                continue;
            }
            io.robofarm.vm.sched.VmStats vm = handle.stats();
            VmStats stats = new VmStats(runId, vm.state().name(), vm.parkReason(), vm.line(), vm.callDepth(),
                    vm.fuelUsed(), vm.memoryBytes());
            if (!stats.equals(lastSent.put(runId, stats))) {
                bus.publish(stats);
            }
        }
    }

    @PreDestroy
    void stopSampling() {
        timer.shutdownNow();
    }
}
