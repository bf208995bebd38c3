package io.robofarm.orchestrator.farm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.RunStateChanged;
import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunState;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters of the farm: {@code robofarm.runs.finished} by final state (counted from the
 * live bus, so after each change was committed), {@code robofarm.runs.active} on this node and
 * {@code robofarm.runs.queued} in the database, and {@code robofarm.runs.duration} from a run's first
 * RUNNING to its final state. Served to Prometheus at {@code /actuator/prometheus}.
 */
@Component
class FarmMetrics {
    FarmMetrics(MeterRegistry registry, LiveEventBus bus, Dispatcher dispatcher, RunRepository runs) {
        Map<RunState, Counter> finished = new EnumMap<>(RunState.class);
        for (RunState state : RunState.values()) {
            if (state.isFinal()) {
                finished.put(state, Counter.builder("robofarm.runs.finished").tag("state", state.name())
                        .description("Runs that ended, by final state").register(registry));
            }
        }
        Gauge.builder("robofarm.runs.active", dispatcher, d -> d.runningIds().size())
                .description("Runs holding a VM on this node").register(registry);
        Gauge.builder("robofarm.runs.queued", runs, r -> r.countByState(RunState.QUEUED))
                .description("Runs waiting for a VM").register(registry);
        Timer duration = Timer.builder("robofarm.runs.duration")
                .description("Time from a run's first RUNNING to its final state").register(registry);
        Map<Long, Instant> startedAt = new ConcurrentHashMap<>();
        bus.subscribe(new LiveEventBus.Subscriber() {
            @Override
            public void onEvent(LiveEventBus.Envelope envelope) {
                if (envelope.event() instanceof RunStateChanged change) {
                    if (RunState.RUNNING.name().equals(change.to())) {
                        startedAt.putIfAbsent(change.runId(), change.at());
                    }
                    Counter counter = finished.get(RunState.valueOf(change.to()));
                    if (counter != null) {
                        counter.increment();
                        Instant started = startedAt.remove(change.runId());
                        if (started != null) {
                            duration.record(Duration.between(started, change.at()));
                        }
                    }
                }
            }

            @Override
            public void onGap(long lastSeenId, long firstKeptId) {
            }
        }, null);
    }
}
