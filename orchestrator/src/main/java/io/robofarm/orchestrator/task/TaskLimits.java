package io.robofarm.orchestrator.task;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The hard limits of every run of a task version: bytes of live Lua data, instructions (fuel),
 * wall-clock seconds, and how many runs of the task may be active at once.
 */
@Embeddable
public record TaskLimits(
        @Min(65_536) @Max(1L << 32) long memoryBytes,
        @Min(1_000) long fuel,
        @Min(1) @Max(86_400) int timeoutSeconds,
        @Min(1) @Max(10_000) int maxConcurrentRuns) {

    /** Limits for a task that does not say: 16 MiB, a billion instructions, 5 minutes, one run at a time. */
    public static TaskLimits defaults() {
        return new TaskLimits(16L << 20, 1_000_000_000L, 300, 1);
    }
}
