package io.robofarm.orchestrator.live;

import java.time.Instant;

/** A run moved from {@code from} (null for a new run) to {@code to}; published only after the change is committed. */
public record RunStateChanged(long runId, long taskId, String taskName, String from, String to, Instant at)
        implements LiveEvent {
    @Override
    public String type() {
        return "run-state";
    }
}
