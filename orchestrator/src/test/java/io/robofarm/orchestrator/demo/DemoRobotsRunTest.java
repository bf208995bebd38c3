package io.robofarm.orchestrator.demo;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each demo robot, run over HTTP on the farm, ends as it is meant to and says so in its log. */
class DemoRobotsRunTest extends ApiTestSupport {
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT");

    @Test
    void helloGreetsWhoItIsTold() {
        JsonNode run = runToEnd("hello", "{\"parameters\":{\"who\":\"tester\"}}");
        assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(logLines(run)).contains("Hello, tester!");
        assertThat(run.get("results").toString()).contains("greeted tester");
    }

    @Test
    void csvTotalsAddsUpTheSampleData() {
        JsonNode run = runToEnd("csv-totals", null);
        assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(logLines(run)).contains("TOTAL             2963.80  (8 rows)");
    }

    @Test
    void slowProgressReportsEachStep() {
        JsonNode run = runToEnd("slow-progress", "{\"parameters\":{\"steps\":2,\"stepSeconds\":0.05}}");
        assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(logLines(run)).containsSubsequence("starting 2 steps of 0.1 s", "step 1 of 2 done (50%)",
                "step 2 of 2 done (100%)");
    }

    @Test
    void alwaysFailsFailsWithItsLineAndMessage() {
        JsonNode run = runToEnd("always-fails", null);
        assertThat(run.get("state").asString()).isEqualTo("FAILED");
        assertThat(run.get("error").get("message").asString())
                .contains("always-fails.lua:6: invoice A-2: total 65.00 is not net + tax = 60.00");
        assertThat(run.get("error").get("line").asInt()).isEqualTo(6);
        assertThat(logLines(run)).contains("invoice A-1 ok");
    }

    private JsonNode runToEnd(String taskName, String body) {
        long taskId = -1;
        for (JsonNode task : body(send("GET", "/api/tasks", "viewer", null))) {
            if (task.get("name").asString().equals(taskName)) {
                taskId = task.get("id").asLong();
            }
        }
        HttpResponse<String> started = send("POST", "/api/tasks/" + taskId + "/runs", "operator", body == null ? "{}" : body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long runId = body(started).get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode run = body(send("GET", "/api/runs/" + runId, "viewer", null));
            if (FINAL.contains(run.get("state").asString()) || Instant.now().isAfter(deadline)) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<String> logLines(JsonNode run) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : body(send("GET", "/api/runs/" + run.get("id").asLong() + "/logs?after=0", "viewer", null)).get("lines")) {
            lines.add(line.get("line").asString());
        }
        return lines;
    }
}
