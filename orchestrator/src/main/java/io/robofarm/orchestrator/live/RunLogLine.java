package io.robofarm.orchestrator.live;

import java.time.Instant;

/** One line a run printed or logged, with its per-run sequence number (the same as in the stored log). */
public record RunLogLine(long runId, long seq, Instant at, String level, String line) implements LiveEvent {
    @Override
    public String type() {
        return "run-log";
    }
}
