package io.robofarm.orchestrator.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code robofarm.schedules.*}: the misfire policy a schedule of each type gets when it does not
 * choose one. By default a missed cron or interval fire is skipped (the next one comes soon, and a
 * burst of catch-up runs after downtime helps nobody), while a missed one-shot runs late rather than never.
 */
@ConfigurationProperties("robofarm.schedules")
public record ScheduleProperties(MisfireDefaults defaultMisfire) {

    public record MisfireDefaults(MisfirePolicy cron, MisfirePolicy interval, MisfirePolicy once) {
        public MisfireDefaults {
            cron = cron == null ? MisfirePolicy.SKIP : cron;
            interval = interval == null ? MisfirePolicy.SKIP : interval;
            once = once == null ? MisfirePolicy.FIRE_NOW : once;
        }
    }

    public ScheduleProperties {
        defaultMisfire = defaultMisfire == null ? new MisfireDefaults(null, null, null) : defaultMisfire;
    }

    /** The default policy for schedules of {@code type}. */
    public MisfirePolicy defaultFor(ScheduleType type) {
        return switch (type) {
            case CRON -> defaultMisfire.cron();
            case INTERVAL -> defaultMisfire.interval();
            case ONCE -> defaultMisfire.once();
        };
    }
}
