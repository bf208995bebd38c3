package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.ApiTestSupport;
import io.robofarm.orchestrator.run.RunLogWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a crashed process left RUNNING or PARKED: after the next start each is retried or failed by
 * its task's retry policy, says why in its log, and a retry runs to its end.
 */
class InterruptedRunsTest extends ApiTestSupport {
    @Autowired
    InterruptedRuns interruptedRuns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunLogWriter logWriter;

    /** A run row as a killed process leaves it: RUNNING, with no VM anywhere. */
    private long leftRunning(long taskId, String state, int attempt) {
        jdbc.update("INSERT INTO runs (task_id, task_name, task_version, state, trigger_type, triggered_by, parameters,"
                + " priority, attempt, queued_at, not_before, started_at) VALUES (?, 'crashed', 1, ?, 'API', 'operator', '{}',"
                + " 0, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", taskId, state, attempt);
        return jdbc.queryForObject("SELECT MAX(id) FROM runs", Long.class);
    }

    private JsonNode awaitState(long runId, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode run = body(send("GET", "/api/runs/" + runId, "viewer", null));
        while (!run.get("state").asString().equals(state) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            run = body(send("GET", "/api/runs/" + runId, "viewer", null));
        }
        return run;
    }

    @Test
    void aLostRunIsRetriedWhileItsPolicyAllowsAndFailedAfter() throws Exception {
        long task = body(send("POST", "/api/tasks", "developer", """
                {"name":"crashed","source":"print('again') return 1","retry":{"attempts":1,"backoffSeconds":0}}"""))
                .get("id").asLong();
        long lost = leftRunning(task, "RUNNING", 1);
        long lostTwice = leftRunning(task, "PARKED", 2);

        assertThat(interruptedRuns.recoverAfterCrash()).isEqualTo(2);
        logWriter.flushed().get(5, TimeUnit.SECONDS);

        JsonNode failed = body(send("GET", "/api/runs/" + lost, "viewer", null));
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").get("message").asString())
                .isEqualTo("the node stopped while this run was RUNNING");
        JsonNode page = body(send("GET", "/api/runs?task=" + task, "viewer", null)).get("content");
        JsonNode retry = null;
        for (JsonNode r : page) {
            if (r.get("retryOf").asLong() == lost) {
                retry = r;
            }
        }
        assertThat(retry).as("retry of run %d in %s", lost, page).isNotNull();
        assertThat(retry.get("attempt").asInt()).isEqualTo(2);
        assertThat(awaitState(retry.get("id").asLong(), "SUCCEEDED").get("state").asString()).isEqualTo("SUCCEEDED");

        JsonNode lines = body(send("GET", "/api/runs/" + lost + "/logs", "viewer", null)).get("lines");
        assertThat(lines.get(lines.size() - 1).get("line").asString()).isEqualTo(
                "the node stopped while this run was RUNNING; retrying as run " + retry.get("id").asLong()
                        + " (attempt 2 of 2)");

        JsonNode givenUp = body(send("GET", "/api/runs/" + lostTwice, "viewer", null));
        assertThat(givenUp.get("state").asString()).isEqualTo("FAILED");
        assertThat(givenUp.get("error").get("message").asString())
                .isEqualTo("the node stopped while this run was PARKED; no retries left");
        JsonNode why = body(send("GET", "/api/runs/" + lostTwice + "/logs", "viewer", null)).get("lines");
        assertThat(why.get(0).get("level").asString()).isEqualTo("WARN");
    }
}
