package io.robofarm.orchestrator.schedule;

/** How a schedule's fire times are given. */
public enum ScheduleType {
    /** A Quartz cron expression (with seconds) in a time zone. */
    CRON,
    /** Every {@code intervalSeconds}, starting when the schedule is saved. */
    INTERVAL,
    /** Once, at a given instant. */
    ONCE
}
