package io.robofarm.vm.sched;

/** Where a robot is in its life; a robot only ever moves along the arrows of {@link #canBecome}. */
public enum RobotState {
    /** Waiting in the run queue for a worker thread. */
    RUNNABLE,
    /** A worker thread is running it. */
    RUNNING,
    /** Waiting for a host call (a sleep, a request) without a thread. */
    PARKED,
    /** Ended; its outcome is known. */
    FINISHED;

    /** The allowed state changes: RUNNABLE→RUNNING→(RUNNABLE|PARKED), PARKED→RUNNABLE, and any live state→FINISHED. */
    public boolean canBecome(RobotState next) {
        return switch (this) {
            case RUNNABLE -> next == RUNNING || next == FINISHED;
            case RUNNING -> next == RUNNABLE || next == PARKED || next == FINISHED;
            case PARKED -> next == RUNNABLE || next == FINISHED;
            case FINISHED -> false;
        };
    }
}
