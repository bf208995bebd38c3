package io.robofarm.orchestrator.run;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/** A run as the API shows it; parameters and results are JSON values, the error is null unless it failed. */
record RunView(long id, long taskId, String taskName, int taskVersion, RunState state, RunTrigger trigger,
               String triggeredBy, Long scheduleId, Instant scheduledAt, JsonNode parameters, int priority, int attempt, Long retryOf,
               Instant queuedAt, Instant notBefore, Instant startedAt, Instant endedAt, JsonNode results, Long fuelUsed,
               Long peakMemory, Error error) {

    /** Why a run did not succeed: the message, and for script errors the Lua traceback and line. */
    record Error(String message, String traceback, Integer line) {
    }

    static RunView of(Run run, JsonMapper json) {
        return new RunView(run.getId(), run.getTaskId(), run.getTaskName(), run.getTaskVersion(), run.getState(),
                run.getTrigger(), run.getTriggeredBy(), run.getScheduleId(), run.getScheduledAt(), json.readTree(run.getParameters()),
                run.getPriority(), run.getAttempt(), run.getRetryOf(), run.getQueuedAt(), run.getNotBefore(),
                run.getStartedAt(), run.getEndedAt(), run.getResults() == null ? null : json.readTree(run.getResults()),
                run.getFuelUsed(), run.getPeakMemory(), run.getErrorMessage() == null ? null
                : new Error(run.getErrorMessage(), run.getErrorTraceback(), run.getErrorLine()));
    }
}
