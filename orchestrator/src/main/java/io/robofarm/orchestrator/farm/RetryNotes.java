package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.Run;
import io.robofarm.orchestrator.task.RetryPolicy;

/** The tail of the log line that announces a retry: " in 10 s (attempt 2 of 3)", or without the wait when there is none. */
final class RetryNotes {
    private RetryNotes() {
    }

    static String describe(Run next, RetryPolicy retry) {
        String wait = retry.backoffSeconds() > 0 ? " in " + retry.backoffSeconds() + " s" : "";
        return wait + " (attempt " + next.getAttempt() + " of " + (retry.attempts() + 1) + ")";
    }
}
