package io.robofarm.orchestrator.run;

/** A state change that {@link RunTransitions} forbids, e.g. cancelling a run that already ended. */
public class IllegalRunTransitionException extends RuntimeException {
    private final RunState from;
    private final RunState to;

    public IllegalRunTransitionException(Long runId, RunState from, RunState to) {
        super("run " + runId + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public RunState from() {
        return from;
    }

    public RunState to() {
        return to;
    }
}
