package io.robofarm.orchestrator.run;

/**
 * Where a run is in its life: {@code QUEUED → RUNNING ⇄ PARKED → SUCCEEDED | FAILED | CANCELLED | TIMED_OUT}.
 * Which moves are legal is decided by {@link RunTransitions}, not here.
 */
public enum RunState {
    /** Accepted and waiting for a VM. */
    QUEUED,
    /** Its VM is runnable or executing on a scheduler thread. */
    RUNNING,
    /** Its VM waits for a host call (sleep, HTTP, a queue) and holds no thread. */
    PARKED,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** Stopped by its wall-clock limit. */
    TIMED_OUT;

    /** Whether the run has ended: no transition leaves a final state. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
    }

    /** Whether the run holds (or is about to hold) a VM on some node. */
    public boolean isActive() {
        return this == RUNNING || this == PARKED;
    }
}
