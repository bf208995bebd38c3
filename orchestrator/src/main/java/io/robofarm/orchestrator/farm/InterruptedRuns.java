package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.ActiveRuns;
import io.robofarm.orchestrator.run.IllegalRunTransitionException;
import io.robofarm.orchestrator.run.Run;
import io.robofarm.orchestrator.run.RunLifecycle;
import io.robofarm.orchestrator.run.RunLogWriter;
import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.orchestrator.task.RetryPolicy;
import io.robofarm.orchestrator.task.TaskCatalog;
import io.robofarm.orchestrator.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * Runs whose VM was lost because the node stopped under them: at start, those a crash left RUNNING
 * or PARKED; at shutdown, those still going when the grace period ran out. Each is retried as a new
 * QUEUED attempt while its task's retry policy allows another, else failed, and its log says why.
 * (One node per database: in cluster mode another node's runs must not be taken for lost.)
 */
@Component
class InterruptedRuns {
    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final RunRepository runs;
    private final RunLifecycle lifecycle;
    private final RunLogWriter logWriter;
    private final TaskCatalog catalog;
    private final ActiveRuns activeRuns;

    InterruptedRuns(RunRepository runs, RunLifecycle lifecycle, RunLogWriter logWriter, TaskCatalog catalog,
                    ActiveRuns activeRuns) {
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.logWriter = logWriter;
        this.catalog = catalog;
        this.activeRuns = activeRuns;
    }

    /** Retries or fails every run left RUNNING or PARKED without a VM on this node; returns how many. */
    int recoverAfterCrash() {
        int n = 0;
        for (Run run : runs.findByStateIn(EnumSet.of(RunState.RUNNING, RunState.PARKED))) {
            if (activeRuns.find(run.getId()).isPresent()) {
                continue;
            }
            retryOrFail(run, "the node stopped while this run was " + run.getState());
            n++;
        }
        if (n > 0) {
            log.warn("Recovered {} runs left running by the previous process", n);
        }
        return n;
    }

    /** Retries {@code run} if its task's retry policy allows another attempt, else fails it; logs why on the run. */
    void retryOrFail(Run run, String reason) {
        RetryPolicy retry = retryPolicyOf(run);
        if (run.getAttempt() <= retry.attempts()) {
            try {
                Run next = lifecycle.failAndRetry(run.getId(), reason, Duration.ofSeconds(retry.backoffSeconds()));
                note(run, reason + "; retrying as run " + next.getId() + RetryNotes.describe(next, retry));
            } catch (IllegalRunTransitionException e) {
                // It ended on its own in the meantime.
            }
        } else {
            String why = reason + (retry.attempts() == 0 ? "; the task does not retry" : "; no retries left");
            lifecycle.tryMoveTo(run.getId(), RunState.FAILED, r -> r.recordError(why, null, null))
                    .ifPresent(failed -> note(run, why));
        }
    }

    private RetryPolicy retryPolicyOf(Run run) {
        try {
            return catalog.version(run.getTaskId(), run.getTaskVersion()).retry();
        } catch (NotFoundException e) {
            return RetryPolicy.none();
        }
    }

    private void note(Run run, String line) {
        logWriter.append(run.getId(), Instant.now(), "WARN", line);
        logWriter.close(run.getId());
    }
}
