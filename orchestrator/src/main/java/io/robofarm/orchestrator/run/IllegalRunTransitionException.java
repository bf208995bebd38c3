package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.web.ConflictException;

/** A state change that {@link RunTransitions} forbids, e.g. cancelling a run that already ended: HTTP 409. */
public class IllegalRunTransitionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public IllegalRunTransitionException(Long runId, RunState from, RunState to) {
        super("Run " + runId + " is " + from + " and cannot become " + to);
    }
}
