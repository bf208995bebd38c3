package io.robofarm.orchestrator.schedule;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedules over real HTTP with the real Quartz JDBC store: previews, validation, firing, pause, changes, roles. */
class ScheduleApiTest extends ApiTestSupport {

    private long parallelTask(String name) {
        return body(send("POST", "/api/tasks", "developer", """
                {"name":"%s","source":"local p = ... return p.n","overlapPolicy":"PARALLEL",
                 "parameters":[{"name":"n","type":"INTEGER","default":1}],
                 "limits":{"memoryBytes":1048576,"fuel":100000,"timeoutSeconds":10,"maxConcurrentRuns":100}}"""
                .formatted(name))).get("id").asLong();
    }

    private JsonNode runsOfTask(long taskId) {
        return body(send("GET", "/api/runs?task=" + taskId + "&size=500", "viewer", null)).get("content");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPreviewListsTheNextFireTimesInTheScheduleTimeZone() {
        HttpResponse<String> preview = send("POST", "/api/schedules/preview", "viewer", """
                {"type":"CRON","cron":"0 30 9 ? * MON-FRI","timeZone":"Europe/Berlin","count":3}""");
        assertThat(preview.statusCode()).isEqualTo(200);
        JsonNode times = body(preview).get("fireTimes");
        assertThat(times).hasSize(3);
        for (JsonNode time : times) {
            Instant at = Instant.parse(time.asString());
            assertThat(at.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalTime()).hasToString("09:30");
        }
        JsonNode every = body(send("POST", "/api/schedules/preview", "viewer",
                "{\"type\":\"INTERVAL\",\"intervalSeconds\":60,\"count\":2}")).get("fireTimes");
        assertThat(Duration.between(Instant.parse(every.get(0).asString()), Instant.parse(every.get(1).asString())))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anInvalidCronIsRefusedWithQuartzReason() {
        HttpResponse<String> refused = send("POST", "/api/schedules/preview", "viewer",
                "{\"type\":\"CRON\",\"cron\":\"0 0 25 * * ?\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("message").asString())
                .startsWith("cron: invalid expression '0 0 25 * * ?': ").contains("Hour");

        long task = parallelTask("cron-refused");
        HttpResponse<String> notSaved = send("POST", "/api/schedules", "developer",
                "{\"name\":\"bad\",\"taskId\":" + task + ",\"type\":\"CRON\",\"cron\":\"every minute\"}");
        assertThat(notSaved.statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/schedules", "developer",
                "{\"name\":\"zone\",\"taskId\":" + task + ",\"type\":\"CRON\",\"cron\":\"0 * * * * ?\",\"timeZone\":\"Mars/Base\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/schedules", "developer",
                "{\"name\":\"past\",\"taskId\":" + task + ",\"type\":\"ONCE\",\"at\":\"2001-01-01T00:00:00Z\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/schedules", "developer",
                "{\"name\":\"param\",\"taskId\":" + task + ",\"type\":\"INTERVAL\",\"intervalSeconds\":5,\"parameters\":{\"x\":1}}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/schedules", "developer", "{\"name\":\"no type\",\"taskId\":" + task + "}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/schedules", "developer",
                "{\"name\":\"no task\",\"taskId\":999999,\"type\":\"INTERVAL\",\"intervalSeconds\":5}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anIntervalScheduleFiresEverySecondUntilPausedAndResumesAtOnce() {
        long task = parallelTask("every-second");
        HttpResponse<String> created = send("POST", "/api/schedules", "developer", """
                {"name":"every second","taskId":%d,"type":"INTERVAL","intervalSeconds":1,"parameters":{"n":7},"priority":3}"""
                .formatted(task));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode schedule = body(created);
        long id = schedule.get("id").asLong();
        assertThat(schedule.get("misfirePolicy").asString()).isEqualTo("SKIP");
        assertThat(schedule.get("nextFireTime").isNull()).isFalse();

        Instant deadline = Instant.now().plusSeconds(10);
        while (runsOfTask(task).size() < 2 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
        }
        JsonNode runs = runsOfTask(task);
        assertThat(runs.size()).isGreaterThanOrEqualTo(2);
        JsonNode run = runs.get(0);
        assertThat(run.get("trigger").asString()).isEqualTo("SCHEDULE");
        assertThat(run.get("scheduleId").asLong()).isEqualTo(id);
        assertThat(run.get("parameters").get("n").asLong()).isEqualTo(7);
        assertThat(run.get("priority").asInt()).isEqualTo(3);
        // Each run keeps its fire time: on the schedule's one-second grid, never after it was queued.
        Instant firedLast = Instant.parse(run.get("scheduledAt").asString());
        Instant firedBefore = Instant.parse(runs.get(1).get("scheduledAt").asString());
        long apart = Duration.between(firedBefore, firedLast).toMillis();
        assertThat(apart).isPositive();
        assertThat(apart % 1000).isZero();
        assertThat(firedLast).isBeforeOrEqualTo(Instant.parse(run.get("queuedAt").asString()));

        JsonNode paused = body(send("POST", "/api/schedules/" + id + "/pause", "developer", null));
        assertThat(paused.get("paused").asBoolean()).isTrue();
        sleep(Duration.ofMillis(300));
        int whilePaused = runsOfTask(task).size();
        sleep(Duration.ofMillis(2500));
        assertThat(runsOfTask(task).size()).isEqualTo(whilePaused);

        send("POST", "/api/schedules/" + id + "/resume", "developer", null);
        deadline = Instant.now().plusSeconds(10);
        while (runsOfTask(task).size() <= whilePaused && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
        }
        assertThat(runsOfTask(task).size()).isGreaterThan(whilePaused);

        assertThat(send("DELETE", "/api/schedules/" + id, "developer", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/schedules/" + id, "viewer", null).statusCode()).isEqualTo(404);
        JsonNode audit = body(send("GET", "/api/audit?targetType=SCHEDULE&targetId=" + id, "viewer", null)).get("content");
        assertThat(audit).extracting(e -> e.get("action").asString())
                .containsExactly("DELETE", "RESUME", "PAUSE", "CREATE");
        assertThat(audit.get(3).get("username").asString()).isEqualTo("developer");
    }

    @Test
    void aChangedScheduleTakesEffectAtOnce() {
        long task = parallelTask("rescheduled");
        long id = body(send("POST", "/api/schedules", "developer", """
                {"name":"yearly","taskId":%d,"type":"CRON","cron":"0 0 0 1 1 ?","timeZone":"UTC"}"""
                .formatted(task))).get("id").asLong();
        JsonNode updated = body(send("PUT", "/api/schedules/" + id, "developer", """
                {"name":"often","taskId":%d,"type":"CRON","cron":"* * * * * ?","misfirePolicy":"FIRE_NOW"}"""
                .formatted(task)));
        assertThat(updated.get("name").asString()).isEqualTo("often");
        assertThat(updated.get("misfirePolicy").asString()).isEqualTo("FIRE_NOW");
        assertThat(Instant.parse(updated.get("nextFireTime").asString())).isBefore(Instant.now().plusSeconds(3));
        Instant deadline = Instant.now().plusSeconds(10);
        while (runsOfTask(task).size() < 2 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
        }
        assertThat(runsOfTask(task).size()).isGreaterThanOrEqualTo(2);
        send("DELETE", "/api/schedules/" + id, "developer", null);
        assertThat(body(send("GET", "/api/schedules", "viewer", null)))
                .noneMatch(s -> s.get("id").asLong() == id);
    }

    @Test
    void deletingATaskDeletesItsSchedules() {
        long task = parallelTask("deleted-with-schedule");
        long id = body(send("POST", "/api/schedules", "developer",
                "{\"name\":\"doomed\",\"taskId\":" + task + ",\"type\":\"INTERVAL\",\"intervalSeconds\":3600}"))
                .get("id").asLong();
        assertThat(send("DELETE", "/api/tasks/" + task, "developer", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/schedules/" + id, "viewer", null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyDevelopersChangeSchedulesAndAnonymousCallersAreNotLetIn() {
        long task = parallelTask("guarded");
        String body = "{\"name\":\"g\",\"taskId\":" + task + ",\"type\":\"INTERVAL\",\"intervalSeconds\":3600}";
        assertThat(send("POST", "/api/schedules", "viewer", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/schedules", "operator", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/schedules", null, body).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/schedules", null, null).statusCode()).isEqualTo(401);
        long id = body(send("POST", "/api/schedules", "developer", body)).get("id").asLong();
        assertThat(send("POST", "/api/schedules/" + id + "/pause", "viewer", null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/schedules/" + id, "operator", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/schedules/" + id, "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/schedules/" + id, "admin", null).statusCode()).isEqualTo(204);
    }
}
