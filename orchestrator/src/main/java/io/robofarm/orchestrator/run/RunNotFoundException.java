package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.web.NotFoundException;

/** A run id that names no run: HTTP 404. */
public class RunNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public RunNotFoundException(long runId) {
        super("No run with id " + runId);
    }
}
