package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.task.RunnableTask;
import io.robofarm.orchestrator.task.TaskCatalog;
import io.robofarm.orchestrator.web.ConflictException;
import io.robofarm.orchestrator.web.InvalidInputException;
import io.robofarm.vm.interp.StackFrameInfo;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starting and stopping runs on request: a user or client, a schedule firing, or cancel and stack from the API. */
@Service
public class RunService {
    private final TaskCatalog catalog;
    private final RunLifecycle lifecycle;
    private final RunRepository runs;
    private final ActiveRuns active;
    private final JsonMapper json;

    public RunService(TaskCatalog catalog, RunLifecycle lifecycle, RunRepository runs, ActiveRuns active,
                      JsonMapper json) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.runs = runs;
        this.active = active;
        this.json = json;
    }

    /** What to run and on whose behalf; {@code scheduledAt} is the fire time when a schedule asks. */
    public record RunRequest(long taskId, Map<String, ?> parameters, int priority, RunTrigger trigger,
                             String triggeredBy, Long scheduleId, Instant scheduledAt) {
        /** A request not made by a schedule firing. */
        public RunRequest(long taskId, Map<String, ?> parameters, int priority, RunTrigger trigger, String triggeredBy,
                          Long scheduleId) {
            this(taskId, parameters, priority, trigger, triggeredBy, scheduleId, null);
        }
    }

    /**
     * Queues a run of the task's latest version with its declared parameters resolved from
     * {@code request.parameters()}.
     *
     * @throws io.robofarm.orchestrator.web.NotFoundException     when the task does not exist
     * @throws io.robofarm.orchestrator.web.InvalidInputException when a parameter is unknown, missing or mistyped
     */
    public Run start(RunRequest request) {
        RunnableTask task = catalog.latest(request.taskId());
        Map<String, Object> parameters = task.resolveParameters(request.parameters());
        return lifecycle.enqueue(queuedRun(task, parameters, request.priority(), request.trigger(), request.triggeredBy(),
                request.scheduleId(), Instant.now()).firedAt(request.scheduledAt()));
    }

    private Run queuedRun(RunnableTask task, Map<String, Object> parameters, int priority, RunTrigger trigger,
                          String triggeredBy, Long scheduleId, Instant now) {
        return Run.queued(task.taskId(), task.taskName(), task.versionNumber(), trigger, triggeredBy, scheduleId,
                json.writeValueAsString(parameters), priority, now);
    }

    /**
     * Queues one run of the task's latest version per entry of {@code parameterSets}, all in one
     * transaction: either every run is queued or, when one entry is refused, none is.
     *
     * @throws io.robofarm.orchestrator.web.NotFoundException     when the task does not exist
     * @throws io.robofarm.orchestrator.web.InvalidInputException when an entry's parameter is unknown, missing or
     *                                                            mistyped; the message names the entry by index
     */
    public List<Run> startAll(long taskId, List<? extends Map<String, ?>> parameterSets, int priority, RunTrigger trigger,
                              String triggeredBy) {
        RunnableTask task = catalog.latest(taskId);
        Instant now = Instant.now();
        List<Run> queued = new ArrayList<>(parameterSets.size());
        for (int i = 0; i < parameterSets.size(); i++) {
            Map<String, Object> parameters;
            try {
                parameters = task.resolveParameters(parameterSets.get(i));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Run [" + i + "]: " + e.getMessage());
            }
            queued.add(queuedRun(task, parameters, priority, trigger, triggeredBy, null, now));
        }
        return lifecycle.enqueueAll(queued);
    }

    /**
     * Cancels a run. A queued run is cancelled at once; a live one is asked to stop and becomes
     * CANCELLED when its VM has stopped; a run marked active whose VM is not on this node (its node
     * died) is cancelled at once.
     *
     * @throws RunNotFoundException          when there is no such run
     * @throws IllegalRunTransitionException when the run has already ended
     */
    public Run cancel(long runId) {
        Run run = get(runId);
        if (run.getState() == RunState.QUEUED) {
            var cancelled = lifecycle.tryMoveTo(runId, RunState.CANCELLED, r -> r.recordError("cancelled", null, null));
            if (cancelled.isPresent()) {
                return cancelled.get();
            }
        }
        var live = active.find(runId);
        if (live.isPresent()) {
            live.get().cancel();
            return get(runId);
        }
        return lifecycle.moveTo(runId, RunState.CANCELLED, r -> r.recordError("cancelled", null, null));
    }

    /**
     * The Lua call stack of a live run.
     *
     * @throws ConflictException when the run has no VM on this node
     */
    public List<StackFrameInfo> stack(long runId) {
        Run run = get(runId);
        return active.find(runId).map(ActiveRun::stack).orElseThrow(() -> new ConflictException(
                "Run " + runId + " is " + run.getState() + " and has no VM on this node to inspect"));
    }

    public Run get(long runId) {
        return runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }
}
