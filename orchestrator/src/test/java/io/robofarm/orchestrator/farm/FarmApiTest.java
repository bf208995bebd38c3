package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.ApiTestSupport;
import io.robofarm.orchestrator.live.SseClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The farm end to end on a real port: runs go through real VMs, their states and lines arrive on
 * {@code /api/live}, their logs and results are stored, and runaway, failing and overlapping runs
 * are handled as their tasks say.
 */
class FarmApiTest extends ApiTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private long task(String name, String source, String extra) {
        HttpResponse<String> created = send("POST", "/api/tasks", "developer",
                "{\"name\":\"" + name + "\",\"source\":" + quote(source) + (extra.isEmpty() ? "" : "," + extra) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asLong();
    }

    private long run(long task, String body) {
        HttpResponse<String> started = send("POST", "/api/tasks/" + task + "/runs", "operator", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return body(started).get("id").asLong();
    }

    private JsonNode awaitState(long runId, String... states) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode run;
        do {
            run = body(send("GET", "/api/runs/" + runId, "viewer", null));
            for (String state : states) {
                if (run.get("state").asString().equals(state)) {
                    return run;
                }
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("run " + runId + " did not reach " + String.join("/", states) + ": " + run);
    }

    private SseClient live() throws Exception {
        SseClient client = new SseClient(uri("/api/live"), basic("viewer", PASSWORD), null);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.await(e -> e.name().equals("comment"), WAIT)).isNotNull();
        return client;
    }

    private boolean isState(SseClient.Event event, long runId, String state) {
        if (!event.name().equals("run-state")) {
            return false;
        }
        JsonNode data = json.readTree(event.data());
        return data.get("runId").asLong() == runId && data.get("to").asString().equals(state);
    }

    private boolean isLine(SseClient.Event event, long runId, String line) {
        if (!event.name().equals("run-log")) {
            return false;
        }
        JsonNode data = json.readTree(event.data());
        return data.get("runId").asLong() == runId && data.get("line").asString().equals(line);
    }

    @Test
    void aRunIsWatchedLiveFromRunningToSucceededAndItsLogIsReadBack() throws Exception {
        long task = task("e2e-hello", """
                local p = ...
                for i = 1, p.times do print("hello " .. p.who .. " " .. i) end
                return p.who, p.times * 2, {ok = true}""",
                "\"parameters\":[{\"name\":\"who\",\"type\":\"STRING\",\"default\":\"world\"},"
                        + "{\"name\":\"times\",\"type\":\"INTEGER\",\"default\":3}],\"modules\":[\"log\"]");
        try (SseClient client = live()) {
            long runId = run(task, "{\"parameters\":{\"who\":\"farm\"}}");
            assertThat(client.await(e -> isState(e, runId, "RUNNING"), WAIT)).isNotNull();
            assertThat(client.await(e -> isLine(e, runId, "hello farm 1"), WAIT)).isNotNull();
            assertThat(client.await(e -> isLine(e, runId, "hello farm 3"), WAIT)).isNotNull();
            SseClient.Event done = client.await(e -> isState(e, runId, "SUCCEEDED"), WAIT);
            assertThat(done).isNotNull();

            JsonNode run = body(send("GET", "/api/runs/" + runId, "viewer", null));
            assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(run.get("results").toString()).isEqualTo("[\"farm\",6,{\"ok\":true}]");
            assertThat(run.get("fuelUsed").asLong()).isPositive();
            assertThat(run.get("peakMemory").asLong()).isPositive();
            assertThat(run.get("startedAt").isNull()).isFalse();
            assertThat(run.get("endedAt").isNull()).isFalse();
            JsonNode logs = body(send("GET", "/api/runs/" + runId + "/logs?after=0", "viewer", null));
            assertThat(logs.get("lines")).extracting(l -> l.get("line").asString())
                    .containsExactly("hello farm 1", "hello farm 2", "hello farm 3");
            assertThat(logs.get("lines")).extracting(l -> l.get("seq").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(logs.get("lines").get(0).get("level").asString()).isEqualTo("PRINT");
            JsonNode rest = body(send("GET", "/api/runs/" + runId + "/logs?after=2", "viewer", null));
            assertThat(rest.get("lines")).hasSize(1);
            assertThat(rest.get("next").asLong()).isEqualTo(3);
        }
    }

    @Test
    void aRunawayRunShowsItsStackAndIsKilled() throws Exception {
        long task = task("e2e-runaway", "local n = 0\nwhile true do\n  n = n + 1\nend",
                "\"limits\":{\"memoryBytes\":1048576,\"fuel\":100000000000,\"timeoutSeconds\":600,\"maxConcurrentRuns\":1}");
        long runId = run(task, null);
        awaitState(runId, "RUNNING");
        JsonNode top = frames(runId).get(0);
        assertThat(top.get("source").asString()).isEqualTo("e2e-runaway.lua");
        assertThat(top.get("function").asString()).isEqualTo("main chunk");
        HttpResponse<String> cancel = send("POST", "/api/runs/" + runId + "/cancel", "operator", null);
        assertThat(cancel.statusCode()).isEqualTo(200);
        JsonNode run = awaitState(runId, "CANCELLED");
        assertThat(run.get("error").get("message").asString()).isEqualTo("cancelled");
        assertThat(send("POST", "/api/runs/" + runId + "/cancel", "operator", null).statusCode()).isEqualTo(409);
        assertThat(send("GET", "/api/runs/" + runId + "/stack", "viewer", null).statusCode()).isEqualTo(409);
    }

    @Test
    void limitsEndRunsWithTheirReason() throws Exception {
        long slow = task("e2e-timeout", "while true do end",
                "\"limits\":{\"memoryBytes\":1048576,\"fuel\":100000000000,\"timeoutSeconds\":1,\"maxConcurrentRuns\":1}");
        long hungry = task("e2e-fuel", "while true do end",
                "\"limits\":{\"memoryBytes\":1048576,\"fuel\":10000,\"timeoutSeconds\":60,\"maxConcurrentRuns\":1}");
        JsonNode timedOut = awaitState(run(slow, null), "TIMED_OUT");
        assertThat(timedOut.get("error").get("message").asString()).isEqualTo("timeout after 1 s");
        JsonNode outOfFuel = awaitState(run(hungry, null), "FAILED");
        assertThat(outOfFuel.get("error").get("message").asString()).isEqualTo("fuel exhausted");
    }

    @Test
    void aScriptErrorIsStoredWithMessageTracebackAndLine() throws Exception {
        long task = task("e2e-error", "local function check(x)\n  error(\"bad input: \" .. x)\nend\ncheck(42)", "");
        JsonNode run = awaitState(run(task, null), "FAILED");
        JsonNode error = run.get("error");
        assertThat(error.get("message").asString()).isEqualTo("e2e-error.lua:2: bad input: 42");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("traceback").asString()).startsWith("stack traceback:").contains("e2e-error.lua:4");
    }

    @Test
    void aFailedRunIsRetriedAfterItsBackoffUntilItsAttemptsAreUsed() throws Exception {
        long task = task("e2e-retry", "error('flaky')", "\"retry\":{\"attempts\":1,\"backoffSeconds\":1}");
        long first = run(task, null);
        awaitState(first, "FAILED");
        JsonNode retry = null;
        Instant deadline = Instant.now().plus(WAIT);
        while (retry == null && Instant.now().isBefore(deadline)) {
            for (JsonNode r : body(send("GET", "/api/runs?task=" + task, "viewer", null)).get("content")) {
                if (r.get("retryOf").asLong() == first) {
                    retry = r;
                }
            }
            Thread.sleep(50);
        }
        assertThat(retry).isNotNull();
        assertThat(retry.get("attempt").asInt()).isEqualTo(2);
        JsonNode second = awaitState(retry.get("id").asLong(), "FAILED");
        assertThat(Instant.parse(second.get("startedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(second.get("notBefore").asString()));
        assertThat(Duration.between(Instant.parse(second.get("queuedAt").asString()),
                Instant.parse(second.get("notBefore").asString()))).isEqualTo(Duration.ofSeconds(1));
        JsonNode lines = body(send("GET", "/api/runs/" + first + "/logs", "viewer", null)).get("lines");
        assertThat(lines.get(lines.size() - 1).get("line").asString())
                .isEqualTo("retrying as run " + retry.get("id").asLong() + " in 1 s (attempt 2 of 2)");
        Thread.sleep(1500);
        assertThat(body(send("GET", "/api/runs?task=" + task, "viewer", null)).get("totalElements").asInt()).isEqualTo(2);
    }

    @Test
    void aQueueTaskRunsOneAtATimeAndAWaitingRunCanBeCancelled() throws Exception {
        long task = task("e2e-queue", "local time = require('time')\nprint('start')\ntime.sleep(400)\nprint('end')",
                "\"overlapPolicy\":\"QUEUE\",\"modules\":[\"time\"],"
                        + "\"limits\":{\"memoryBytes\":1048576,\"fuel\":1000000,\"timeoutSeconds\":30,\"maxConcurrentRuns\":5}");
        try (SseClient client = live()) {
            long first = run(task, null);
            long second = run(task, null);
            long third = run(task, null);
            assertThat(client.await(e -> isState(e, first, "PARKED"), WAIT)).isNotNull();
            assertThat(body(send("GET", "/api/runs/" + second, "viewer", null)).get("state").asString()).isEqualTo("QUEUED");
            JsonNode cancelled = body(send("POST", "/api/runs/" + third + "/cancel", "operator", null));
            assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
            JsonNode a = awaitState(first, "SUCCEEDED");
            JsonNode b = awaitState(second, "SUCCEEDED");
            assertThat(Instant.parse(b.get("startedAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(a.get("endedAt").asString()));
            assertThat(body(send("GET", "/api/runs/" + third, "viewer", null)).get("startedAt").isNull()).isTrue();
        }
    }

    @Test
    void aParkedRunShowsItsFramesWithTheirLocals() throws Exception {
        long task = task("e2e-stack", "local robot = 'r2'\nlocal function nap(ms)\n  local half = ms / 2\n  require('time').sleep(ms)\nend\nnap(60000)",
                "\"modules\":[\"time\"],\"limits\":{\"memoryBytes\":1048576,\"fuel\":100000,\"timeoutSeconds\":120,\"maxConcurrentRuns\":1}");
        long runId = run(task, null);
        awaitState(runId, "PARKED");
        JsonNode frames = frames(runId);
        assertThat(frames.get(0).get("source").asString()).isEqualTo("[C]");
        assertThat(frames.get(0).get("line").asInt()).isEqualTo(-1);
        JsonNode nap = frames.get(1);
        assertThat(nap.get("function").asString()).isEqualTo("local 'nap'");
        assertThat(nap.get("source").asString()).isEqualTo("e2e-stack.lua");
        assertThat(nap.get("line").asInt()).isEqualTo(4);
        assertThat(nap.get("locals").toString())
                .isEqualTo("[{\"name\":\"ms\",\"value\":\"60000\",\"type\":\"number\"},{\"name\":\"half\",\"value\":\"30000.0\",\"type\":\"number\"}]");
        JsonNode main = frames.get(2);
        assertThat(main.get("line").asInt()).isEqualTo(6);
        assertThat(main.get("locals").get(0).toString()).isEqualTo("{\"name\":\"robot\",\"value\":\"\\\"r2\\\"\",\"type\":\"string\"}");
        send("POST", "/api/runs/" + runId + "/cancel", "operator", null);
        awaitState(runId, "CANCELLED");
        HttpResponse<String> ended = send("GET", "/api/runs/" + runId + "/stack", "viewer", null);
        assertThat(ended.statusCode()).isEqualTo(409);
        assertThat(ended.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(ended).get("message").asString()).contains("CANCELLED");
    }

    @Test
    void aParkedRunIsCancelledWithoutWaitingForItsSleep() throws Exception {
        long task = task("e2e-parked", "require('time').sleep(60000)\nprint('never')",
                "\"modules\":[\"time\"],\"limits\":{\"memoryBytes\":1048576,\"fuel\":100000,\"timeoutSeconds\":120,\"maxConcurrentRuns\":1}");
        long runId = run(task, null);
        awaitState(runId, "PARKED");
        assertThat(frames(runId).toString()).contains("e2e-parked.lua");
        send("POST", "/api/runs/" + runId + "/cancel", "operator", null);
        JsonNode run = awaitState(runId, "CANCELLED");
        assertThat(Duration.between(Instant.parse(run.get("startedAt").asString()), Instant.parse(run.get("endedAt").asString())))
                .isLessThan(Duration.ofSeconds(30));
        assertThat(body(send("GET", "/api/runs/" + runId + "/logs", "viewer", null)).get("lines")).isEmpty();
    }

    @Test
    void theFarmSaysWhatItIsDoing() throws Exception {
        long task = task("e2e-status", "return 1", "");
        awaitState(run(task, null), "SUCCEEDED");
        JsonNode status = body(send("GET", "/api/farm", "viewer", null));
        assertThat(status.get("capacity").asInt()).isPositive();
        assertThat(status.get("workers").asInt()).isPositive();
        assertThat(status.get("startedRuns").asInt()).isPositive();
        assertThat(send("GET", "/api/farm", null, null).statusCode()).isEqualTo(401);
        JsonNode succeeded = body(send("GET", "/actuator/metrics/robofarm.runs.finished?tag=state:SUCCEEDED", "admin", null));
        assertThat(succeeded.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> prometheus = exchange(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", basic("admin", ADMIN_PASSWORD)).build());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("robofarm_runs_finished_total{state=\"SUCCEEDED\"}",
                "robofarm_runs_duration_seconds_count", "robofarm_runs_queued", "robofarm_runs_active");
        assertThat(send("GET", "/actuator/prometheus", "viewer", null).statusCode()).isEqualTo(403);
    }

    /** The live run's call stack as the API answers it, innermost frame first. */
    private JsonNode frames(long runId) {
        HttpResponse<String> stack = send("GET", "/api/runs/" + runId + "/stack", "viewer", null);
        assertThat(stack.statusCode()).as(stack.body()).isEqualTo(200);
        return body(stack).get("frames");
    }
}
