package io.robofarm.orchestrator.schedule;

import java.time.Instant;

/**
 * When a schedule fires: its type and the fields that type uses (a cron expression and time zone,
 * an interval, or an instant). Shared by saved schedules and previews.
 */
public record Timing(ScheduleType type, String cron, String timeZone, Long intervalSeconds, Instant at) {
}
