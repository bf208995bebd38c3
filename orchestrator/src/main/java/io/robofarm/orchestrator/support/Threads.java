package io.robofarm.orchestrator.support;

import java.time.Duration;

/** Waiting for the farm's own background threads when the application stops. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits up to {@code limit} for {@code thread} to end; an interrupt ends the wait early and is kept
     * for the caller, so a stopping context is never held up by a thread that does not end.
     */
    public static void awaitEnd(Thread thread, Duration limit) {
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
