package io.robofarm.orchestrator.schedule;

import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunService;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.orchestrator.run.RunTrigger;
import io.robofarm.orchestrator.task.OverlapPolicy;
import io.robofarm.orchestrator.task.RunnableTask;
import io.robofarm.orchestrator.task.TaskCatalog;
import io.robofarm.orchestrator.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

/**
 * A schedule firing: queues a QUEUED run of the schedule's task with its parameters, unless the
 * task's overlap policy is SKIP and a run of it is still queued or running.
 */
@Service
public class ScheduledRuns {
    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    private static final EnumSet<RunState> UNFINISHED = EnumSet.of(RunState.QUEUED, RunState.RUNNING, RunState.PARKED);

    private final ScheduleRepository schedules;
    private final TaskCatalog catalog;
    private final RunService runService;
    private final RunRepository runs;
    private final JsonMapper json;

    public ScheduledRuns(ScheduleRepository schedules, TaskCatalog catalog, RunService runService, RunRepository runs,
                         JsonMapper json) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.runService = runService;
        this.runs = runs;
        this.json = json;
    }

    /** Handles one fire of schedule {@code scheduleId}; a problem is logged, never thrown back into Quartz. */
    public void fire(long scheduleId, Instant fireTime) {
        Schedule schedule = schedules.findById(scheduleId).orElse(null);
        if (schedule == null) {
            log.warn("Schedule {} fired at {} but no longer exists", scheduleId, fireTime);
            return;
        }
        try {
            RunnableTask task = catalog.latest(schedule.getTaskId());
            if (task.overlapPolicy() == OverlapPolicy.SKIP
                    && runs.countByTaskIdAndStateIn(task.taskId(), UNFINISHED) > 0) {
                log.info("Schedule {} ({}) skipped its fire at {}: task '{}' still has a run in progress",
                        scheduleId, schedule.getName(), fireTime, task.taskName());
                return;
            }
            Map<String, Object> parameters = json.readValue(schedule.getParameters(), new TypeReference<>() { });
            runService.start(new RunService.RunRequest(task.taskId(), parameters, schedule.getPriority(),
                    RunTrigger.SCHEDULE, null, scheduleId, fireTime));
        } catch (ApiException e) {
            log.warn("Schedule {} ({}) could not queue a run at {}: {}", scheduleId, schedule.getName(), fireTime,
                    e.getMessage());
        }
    }
}
