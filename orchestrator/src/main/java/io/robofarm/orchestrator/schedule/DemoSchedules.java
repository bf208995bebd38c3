package io.robofarm.orchestrator.schedule;

import io.robofarm.orchestrator.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Gives the demo robots schedules on a farm's first start (no schedule and no run yet), so the
 * dashboard shows robots starting, logging, succeeding and failing from the first minute. Off with
 * {@code robofarm.demo.enabled=false}, like the demo robots themselves.
 */
@Component
@ConditionalOnProperty(name = "robofarm.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoSchedules {
    private static final Logger log = LoggerFactory.getLogger(DemoSchedules.class);

    private record Demo(String name, String task, Timing timing, Map<String, Object> parameters) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("hello every 10 s", "hello", new Timing(ScheduleType.INTERVAL, null, null, 10L, null),
                    Map.of("who", "farm")),
            new Demo("csv totals every minute", "csv-totals",
                    new Timing(ScheduleType.CRON, "0 * * * * ?", "UTC", null, null), Map.of()),
            new Demo("slow progress every 30 s", "slow-progress",
                    new Timing(ScheduleType.INTERVAL, null, null, 30L, null), Map.of("steps", 8)),
            new Demo("failure every 2 minutes", "always-fails",
                    new Timing(ScheduleType.CRON, "30 */2 * * * ?", "UTC", null, null), Map.of()));

    private final ScheduleService service;
    private final ScheduleRepository schedules;
    private final RunRepository runs;
    private final JdbcTemplate jdbc;

    DemoSchedules(ScheduleService service, ScheduleRepository schedules, RunRepository runs, JdbcTemplate jdbc) {
        this.service = service;
        this.schedules = schedules;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void scheduleDemos() {
        if (schedules.count() > 0 || runs.count() > 0) {
            return;
        }
        for (Demo demo : DEMOS) {
            List<Long> ids = jdbc.queryForList("SELECT id FROM tasks WHERE live_name = ?", Long.class, demo.task());
            if (ids.size() == 1) {
                service.create(new ScheduleService.Definition(demo.name(), ids.get(0), demo.timing(), null,
                        demo.parameters(), 0, false));
                log.info("Scheduled demo robot '{}': {}", demo.task(), demo.name());
            }
        }
    }
}
