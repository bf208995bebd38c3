package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.Run;
import io.robofarm.orchestrator.run.RunLifecycle;
import io.robofarm.orchestrator.run.RunLogWriter;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.orchestrator.task.RunnableTask;
import io.robofarm.vm.sched.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns how a VM ended into the run's final state: SUCCEEDED with its return values as JSON, FAILED
 * with the Lua message, traceback and line, CANCELLED, or TIMED_OUT / FAILED when a limit stopped it.
 * A failed run whose task retries is queued again in the transaction that stores its failure, as a
 * new attempt that waits out the task's backoff in the queue, so a crash cannot lose it.
 */
@Component
class RunOutcomes {
    private static final Logger log = LoggerFactory.getLogger(RunOutcomes.class);

    private final RunLogWriter logWriter;
    private final JsonMapper json;

    RunOutcomes(RunLogWriter logWriter, JsonMapper json) {
        this.logWriter = logWriter;
        this.json = json;
    }

    /**
     * The final move of {@code run} for its VM's outcome, with the next attempt when the script failed
     * and {@code task} retries; {@code peakMemory} is the most Lua data it held, null if unknown.
     */
    RunLifecycle.Move finalMove(Run run, RunnableTask task, Outcome outcome, Throwable failure, Long peakMemory) {
        long runId = run.getId();
        if (outcome == null) {
            log.error("Run {}: the VM ended without an outcome", runId, failure);
            return new RunLifecycle.Move(runId, RunState.FAILED,
                    r -> r.recordError("internal error: the VM ended without an outcome", null, null));
        }
        Long fuel = outcome.fuelUsed();
        Integer line = outcome.line() > 0 ? outcome.line() : null;
        return switch (outcome.kind()) {
            case SUCCEEDED -> {
                String results = json.writeValueAsString(outcome.values());
                yield new RunLifecycle.Move(runId, RunState.SUCCEEDED, r -> {
                    r.recordResults(results);
                    r.recordUsage(fuel, peakMemory);
                });
            }
            case FAILED -> new RunLifecycle.Move(runId, RunState.FAILED, r -> {
                r.recordError(outcome.message(), outcome.traceback(), line);
                r.recordUsage(fuel, peakMemory);
            }, run.getAttempt() <= task.retry().attempts() ? Duration.ofSeconds(task.retry().backoffSeconds()) : null);
            case CANCELLED -> new RunLifecycle.Move(runId, RunState.CANCELLED, r -> {
                r.recordError("cancelled", null, null);
                r.recordUsage(fuel, peakMemory);
            });
            case LIMIT -> {
                RunState state = outcome.message() != null && outcome.message().startsWith("timeout")
                        ? RunState.TIMED_OUT : RunState.FAILED;
                yield new RunLifecycle.Move(runId, state, r -> {
                    r.recordError(outcome.message(), null, null);
                    r.recordUsage(fuel, peakMemory);
                });
            }
        };
    }

    /** Notes in the failed run's log that it is retried, when {@code moved} queued a next attempt. */
    void noteRetry(RunLifecycle.Moved moved, RunnableTask task) {
        Run next = moved.nextAttempt();
        if (next != null) {
            logWriter.append(moved.run().getId(), Instant.now(), "WARN", "retrying as run " + next.getId()
                    + RetryNotes.describe(next, task.retry()));
        }
    }
}
