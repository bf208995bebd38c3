package io.robofarm.orchestrator.schedule;

import io.robofarm.orchestrator.web.InvalidInputException;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Turns a {@link Timing} into a Quartz trigger: checks it (a bad cron is refused with Quartz's own
 * reason), applies the misfire policy as each trigger type spells it, and computes fire times for
 * previews without scheduling anything.
 */
@Component
public class ScheduleTriggers {
    /** The one durable job every schedule trigger fires; it queues a run of the trigger's schedule. */
    public static final JobKey FIRE_JOB = JobKey.jobKey("schedule-fire", "robofarm");
    /** Trigger data key holding the schedule id. */
    public static final String SCHEDULE_ID = "scheduleId";

    private static final long MAX_INTERVAL_SECONDS = Duration.ofDays(3660).toSeconds();

    private final ScheduleProperties properties;

    public ScheduleTriggers(ScheduleProperties properties) {
        this.properties = properties;
    }

    public static TriggerKey keyOf(long scheduleId) {
        return TriggerKey.triggerKey("schedule-" + scheduleId, "robofarm");
    }

    /** The policy a schedule gets: its own choice, or the configured default for its type. */
    public MisfirePolicy effectivePolicy(ScheduleType type, MisfirePolicy chosen) {
        return chosen != null ? chosen : properties.defaultFor(type);
    }

    /**
     * Checks {@code timing} and fills in defaults (the time zone of a cron schedule is UTC unless given).
     *
     * @throws InvalidInputException naming the field that is wrong
     */
    public Timing validate(Timing timing, Instant now) {
        if (timing == null || timing.type() == null) {
            throw new InvalidInputException("type: must be CRON, INTERVAL or ONCE");
        }
        return switch (timing.type()) {
            case CRON -> {
                if (timing.cron() == null || timing.cron().isBlank()) {
                    throw new InvalidInputException("cron: required for a CRON schedule");
                }
                String cron = timing.cron().trim();
                if (cron.length() > 120) {
                    throw new InvalidInputException("cron: at most 120 characters");
                }
                try {
                    CronExpression.validateExpression(cron);
                } catch (ParseException e) {
                    throw new InvalidInputException("cron: invalid expression '" + cron + "': " + e.getMessage());
                }
                String zone = timing.timeZone() == null || timing.timeZone().isBlank() ? "UTC" : timing.timeZone().trim();
                zoneOf(zone);
                yield new Timing(ScheduleType.CRON, cron, zone, null, null);
            }
            case INTERVAL -> {
                Long seconds = timing.intervalSeconds();
                if (seconds == null || seconds < 1 || seconds > MAX_INTERVAL_SECONDS) {
                    throw new InvalidInputException("intervalSeconds: required for an INTERVAL schedule, from 1 to "
                            + MAX_INTERVAL_SECONDS);
                }
                yield new Timing(ScheduleType.INTERVAL, null, null, seconds, null);
            }
            case ONCE -> {
                if (timing.at() == null) {
                    throw new InvalidInputException("at: required for a ONCE schedule (an ISO-8601 instant)");
                }
                if (!timing.at().isAfter(now)) {
                    throw new InvalidInputException("at: " + timing.at() + " is not in the future");
                }
                yield new Timing(ScheduleType.ONCE, null, null, null, timing.at());
            }
        };
    }

    /** The trigger of schedule {@code scheduleId} for a validated timing; an interval starts at {@code now}. */
    public Trigger trigger(long scheduleId, Timing timing, MisfirePolicy policy, Instant now) {
        return TriggerBuilder.newTrigger()
                .withIdentity(keyOf(scheduleId))
                .forJob(FIRE_JOB)
                .usingJobData(SCHEDULE_ID, scheduleId)
                .startAt(Date.from(timing.type() == ScheduleType.ONCE ? timing.at() : now))
                .withSchedule(scheduleOf(timing, policy))
                .build();
    }

    /** The next {@code count} fire times of a validated timing, from {@code now}. */
    public List<Instant> preview(Timing timing, MisfirePolicy policy, int count, Instant now) {
        OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger()
                .startAt(Date.from(timing.type() == ScheduleType.ONCE ? timing.at() : now))
                .withSchedule(scheduleOf(timing, policy))
                .build();
        return TriggerUtils.computeFireTimes(trigger, null, count).stream().map(Date::toInstant).toList();
    }

    private static ScheduleBuilder<? extends Trigger> scheduleOf(Timing timing, MisfirePolicy policy) {
        boolean fireNow = policy == MisfirePolicy.FIRE_NOW;
        return switch (timing.type()) {
            case CRON -> {
                CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(timing.cron())
                        .inTimeZone(TimeZone.getTimeZone(zoneOf(timing.timeZone())));
                yield fireNow ? cron.withMisfireHandlingInstructionFireAndProceed()
                        : cron.withMisfireHandlingInstructionDoNothing();
            }
            case INTERVAL -> {
                SimpleScheduleBuilder every = SimpleScheduleBuilder.repeatSecondlyForever(
                        Math.toIntExact(timing.intervalSeconds()));
                yield fireNow ? every.withMisfireHandlingInstructionFireNow()
                        : every.withMisfireHandlingInstructionNextWithRemainingCount();
            }
            case ONCE -> {
                SimpleScheduleBuilder once = SimpleScheduleBuilder.simpleSchedule();
                yield fireNow ? once.withMisfireHandlingInstructionFireNow()
                        : once.withMisfireHandlingInstructionNextWithRemainingCount();
            }
        };
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone: unknown time zone '" + zone + "'");
        }
    }
}
