package io.robofarm.orchestrator.farm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.RunStateChanged;
import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunState;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Micrometer meters of the farm: {@code robofarm.runs.finished} by final state (counted from the
 * live bus, so after each change was committed), {@code robofarm.runs.active} on this node and
 * {@code robofarm.runs.queued} in the database.
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
        bus.subscribe(new LiveEventBus.Subscriber() {
            @Override
            public void onEvent(LiveEventBus.Envelope envelope) {
                if (envelope.event() instanceof RunStateChanged change) {
                    Counter counter = finished.get(RunState.valueOf(change.to()));
                    if (counter != null) {
                        counter.increment();
                    }
                }
            }

            @Override
            public void onGap(long lastSeenId, long firstKeptId) {
            }
        }, null);
    }
}
