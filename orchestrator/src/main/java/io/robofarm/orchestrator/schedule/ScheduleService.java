package io.robofarm.orchestrator.schedule;

import io.robofarm.orchestrator.audit.AuditLog;
import io.robofarm.orchestrator.security.CurrentUser;
import io.robofarm.orchestrator.task.TaskCatalog;
import io.robofarm.orchestrator.web.InvalidInputException;
import io.robofarm.orchestrator.web.NotFoundException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Creates, changes, pauses and deletes schedules. The schedule row, its Quartz trigger (the JDBC job
 * store shares the application's transaction) and the audit entry change together, and the running
 * Quartz scheduler sees a change as soon as it commits: no restart needed.
 */
@Service
public class ScheduleService {
    private final ScheduleRepository schedules;
    private final ScheduleTriggers triggers;
    private final Scheduler quartz;
    private final TaskCatalog catalog;
    private final AuditLog audit;
    private final JsonMapper json;

    public ScheduleService(ScheduleRepository schedules, ScheduleTriggers triggers, Scheduler quartz,
                           TaskCatalog catalog, AuditLog audit, JsonMapper json) {
        this.schedules = schedules;
        this.triggers = triggers;
        this.quartz = quartz;
        this.catalog = catalog;
        this.audit = audit;
        this.json = json;
    }

    /** Everything a user sets on a schedule. */
    public record Definition(String name, long taskId, Timing timing, MisfirePolicy misfirePolicy,
                             Map<String, Object> parameters, int priority, boolean paused) {
    }

    /** Where a schedule's trigger stands in Quartz: next and last fire, or null when it will not fire again. */
    public record FireTimes(Instant next, Instant previous) {
    }

    @Transactional
    public Schedule create(Definition definition) {
        Instant now = Instant.now();
        Schedule schedule = new Schedule(CurrentUser.name(), now);
        Timing timing = apply(schedule, definition, now);
        schedule = schedules.save(schedule);
        schedule(schedule, timing, now, false);
        audit.record("CREATE", "SCHEDULE", schedule.getId().toString(), describe(schedule));
        return schedule;
    }

    @Transactional
    public Schedule update(long id, Definition definition) {
        Instant now = Instant.now();
        Schedule schedule = get(id);
        Timing timing = apply(schedule, definition, now);
        schedule(schedule, timing, now, true);
        audit.record("UPDATE", "SCHEDULE", schedule.getId().toString(), describe(schedule));
        return schedule;
    }

    @Transactional
    public void delete(long id) {
        Schedule schedule = get(id);
        quartz(() -> quartz.unscheduleJob(ScheduleTriggers.keyOf(id)));
        schedules.delete(schedule);
        audit.record("DELETE", "SCHEDULE", Long.toString(id), describe(schedule));
    }

    @Transactional
    public Schedule pause(long id) {
        Schedule schedule = get(id);
        schedule.setPaused(true, Instant.now());
        quartz(() -> quartz.pauseTrigger(ScheduleTriggers.keyOf(id)));
        audit.record("PAUSE", "SCHEDULE", Long.toString(id), describe(schedule));
        return schedule;
    }

    @Transactional
    public Schedule resume(long id) {
        Schedule schedule = get(id);
        schedule.setPaused(false, Instant.now());
        quartz(() -> quartz.resumeTrigger(ScheduleTriggers.keyOf(id)));
        audit.record("RESUME", "SCHEDULE", Long.toString(id), describe(schedule));
        return schedule;
    }

    @Transactional(readOnly = true)
    public Schedule get(long id) {
        return schedules.findById(id).orElseThrow(() -> new NotFoundException("No schedule with id " + id));
    }

    @Transactional(readOnly = true)
    public List<Schedule> list() {
        return schedules.findAllByOrderByIdAsc();
    }

    /** The schedule's next and previous fire times as Quartz has them. */
    public FireTimes fireTimes(long id) {
        try {
            Trigger trigger = quartz.getTrigger(ScheduleTriggers.keyOf(id));
            if (trigger == null) {
                return new FireTimes(null, null);
            }
            return new FireTimes(instant(trigger.getNextFireTime()), instant(trigger.getPreviousFireTime()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz cannot read the trigger of schedule " + id, e);
        }
    }

    /** The next {@code count} fire times of {@code timing}, checked as a save would check it. */
    public List<Instant> preview(Timing timing, MisfirePolicy misfirePolicy, int count) {
        Instant now = Instant.now();
        Timing valid = triggers.validate(timing, now);
        return triggers.preview(valid, triggers.effectivePolicy(valid.type(), misfirePolicy), count, now);
    }

    private Timing apply(Schedule schedule, Definition definition, Instant now) {
        Timing timing = triggers.validate(definition.timing(), now);
        catalog.latest(definition.taskId()).resolveParameters(definition.parameters());
        Map<String, Object> parameters = definition.parameters() == null ? Map.of() : definition.parameters();
        schedule.define(definition.name(), definition.taskId(), timing,
                triggers.effectivePolicy(timing.type(), definition.misfirePolicy()),
                json.writeValueAsString(parameters), definition.priority(), now);
        schedule.setPaused(definition.paused(), now);
        return timing;
    }

    private void schedule(Schedule schedule, Timing timing, Instant now, boolean replace) {
        Trigger trigger = triggers.trigger(schedule.getId(), timing, schedule.getMisfirePolicy(), now);
        TriggerKey key = trigger.getKey();
        try {
            if (replace && quartz.checkExists(key)) {
                quartz.rescheduleJob(key, trigger);
            } else {
                quartz.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            // Quartz refuses a trigger that can never fire (a cron for a year long past, say).
            throw new InvalidInputException("The schedule cannot be used: " + e.getMessage());
        }
        if (schedule.isPaused()) {
            quartz(() -> quartz.pauseTrigger(key));
        }
    }

    private String describe(Schedule schedule) {
        Timing t = schedule.timing();
        String when = switch (t.type()) {
            case CRON -> "cron '" + t.cron() + "' " + t.timeZone();
            case INTERVAL -> "every " + t.intervalSeconds() + " s";
            case ONCE -> "once at " + t.at();
        };
        return "'" + schedule.getName() + "' runs task " + schedule.getTaskId() + " " + when
                + (schedule.isPaused() ? " (paused)" : "");
    }

    private interface QuartzCall {
        void run() throws SchedulerException;
    }

    private static void quartz(QuartzCall call) {
        try {
            call.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused a schedule change", e);
        }
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
