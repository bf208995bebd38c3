package io.robofarm.orchestrator.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How often a failed run is tried again, and how long to wait between tries. */
@Embeddable
public record RetryPolicy(
        @Column(name = "retry_attempts") @Min(0) @Max(100) int attempts,
        @Column(name = "retry_backoff_seconds") @Min(0) @Max(86_400) int backoffSeconds) {

    /** No retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, 0);
    }
}
