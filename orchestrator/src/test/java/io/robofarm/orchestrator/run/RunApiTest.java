package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The runs API over real HTTP: starting with parameters, reading, filtering, and every bad request answered with a 4xx. */
class RunApiTest extends ApiTestSupport {

    private static String definition(String name) {
        return """
                {"name":"%s","source":"local p = ... print('n is ' .. p.n) return p.n * 2",
                 "parameters":[{"name":"n","type":"INTEGER","default":1}],"overlapPolicy":"PARALLEL",
                 "limits":{"memoryBytes":1048576,"fuel":1000000,"timeoutSeconds":10,"maxConcurrentRuns":5}}"""
                .formatted(name);
    }

    private long task(String name) {
        return body(send("POST", "/api/tasks", "developer", definition(name))).get("id").asLong();
    }

    @Test
    void anOperatorStartsARunWithParametersAndEveryoneCanReadIt() {
        long task = task("run-api");
        HttpResponse<String> started = send("POST", "/api/tasks/" + task + "/runs", "operator",
                "{\"parameters\":{\"n\":21},\"priority\":5}");
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode run = body(started);
        long id = run.get("id").asLong();
        assertThat(run.get("taskName").asString()).isEqualTo("run-api");
        assertThat(run.get("taskVersion").asInt()).isEqualTo(1);
        assertThat(run.get("trigger").asString()).isEqualTo("API");
        assertThat(run.get("triggeredBy").asString()).isEqualTo("operator");
        assertThat(run.get("parameters").get("n").asLong()).isEqualTo(21);
        assertThat(run.get("priority").asInt()).isEqualTo(5);
        assertThat(run.get("queuedAt").isNull()).isFalse();
        assertThat(run.get("scheduledAt").isNull()).isTrue();

        JsonNode read = body(send("GET", "/api/runs/" + id, "viewer", null));
        assertThat(read.get("id").asLong()).isEqualTo(id);
        JsonNode page = body(send("GET", "/api/runs?task=" + task + "&page=0&size=10", "viewer", null));
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("id").asLong()).isEqualTo(id);
        JsonNode none = body(send("GET", "/api/runs?task=" + task + "&state=TIMED_OUT", "viewer", null));
        assertThat(none.get("totalElements").asLong()).isZero();
        JsonNode logs = body(send("GET", "/api/runs/" + id + "/logs?after=0", "viewer", null));
        assertThat(logs.get("runId").asLong()).isEqualTo(id);
    }

    @Test
    void defaultsFillMissingParametersAndWrongOnesAreRefused() {
        long task = task("run-params");
        JsonNode run = body(send("POST", "/api/tasks/" + task + "/runs", "operator", null));
        assertThat(run.get("parameters").get("n").asLong()).isEqualTo(1);
        HttpResponse<String> unknown = send("POST", "/api/tasks/" + task + "/runs", "operator", "{\"parameters\":{\"m\":1}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).get("message").asString()).contains("[m]");
        HttpResponse<String> mistyped = send("POST", "/api/tasks/" + task + "/runs", "operator", "{\"parameters\":{\"n\":\"many\"}}");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(body(mistyped).get("message").asString()).contains("'n'");
        assertThat(send("POST", "/api/tasks/" + task + "/runs", "operator", "{\"priority\":100000}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/tasks/" + task + "/runs", "operator", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void badIdsAndQueriesAreClientErrors() {
        assertThat(send("POST", "/api/tasks/999999/runs", "operator", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/runs/999999", "viewer", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/runs/999999/logs", "viewer", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/runs/999999/cancel", "operator", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/runs/999999/stack", "viewer", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/runs/abc", "viewer", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/runs?state=BOGUS", "viewer", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/runs?size=0", "viewer", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/runs?size=100000", "viewer", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/runs/1/logs?after=-1", "viewer", null).statusCode()).isEqualTo(400);
    }

    @Test
    void onlyOperatorsRunAndCancelAndAnonymousCallersAreNotLetIn() {
        long task = task("run-roles");
        assertThat(send("POST", "/api/tasks/" + task + "/runs", "viewer", null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/tasks/" + task + "/runs", null, null).statusCode()).isEqualTo(401);
        long id = body(send("POST", "/api/tasks/" + task + "/runs", "developer", null)).get("id").asLong();
        assertThat(send("POST", "/api/runs/" + id + "/cancel", "viewer", null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/runs/" + id + "/cancel", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/runs", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/runs/" + id + "/logs", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/live", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorQueuesABatchOfRunsInOneRequest() {
        long task = task("run-batch");
        HttpResponse<String> started = send("POST", "/api/tasks/" + task + "/runs/batch?priority=3", "operator",
                "[{\"n\":1},{},{\"n\":3}]");
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode answer = body(started);
        assertThat(answer.get("taskId").asLong()).isEqualTo(task);
        assertThat(answer.get("runIds")).hasSize(3);
        JsonNode third = body(send("GET", "/api/runs/" + answer.get("runIds").get(2).asLong(), "viewer", null));
        assertThat(third.get("parameters").get("n").asLong()).isEqualTo(3);
        assertThat(third.get("priority").asInt()).isEqualTo(3);
        assertThat(third.get("triggeredBy").asString()).isEqualTo("operator");
        JsonNode second = body(send("GET", "/api/runs/" + answer.get("runIds").get(1).asLong(), "viewer", null));
        assertThat(second.get("parameters").get("n").asLong()).isEqualTo(1);
        JsonNode docs = body(send("GET", "/v3/api-docs", null, null));
        assertThat(docs.get("paths").has("/api/tasks/{taskId}/runs/batch")).isTrue();
    }

    @Test
    void aBadBatchIsRefusedWholeWithA400NamingTheProblem() {
        long task = task("run-batch-bad");
        String path = "/api/tasks/" + task + "/runs/batch";
        HttpResponse<String> empty = send("POST", path, "operator", "[]");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(empty).get("message").asString()).isEqualTo("body: A batch holds 1 to 1000 runs");
        HttpResponse<String> tooMany = send("POST", path, "operator", "[" + "{},".repeat(1000) + "{}]");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(body(tooMany).get("message").asString()).contains("1 to 1000 runs");
        HttpResponse<String> mistyped = send("POST", path, "operator", "[{\"n\":1},{\"n\":\"many\"}]");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(body(mistyped).get("message").asString()).contains("Run [1]").contains("'n'");
        assertThat(send("POST", path, "operator", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(send("POST", path, "operator", "{\"n\":1}").statusCode()).isEqualTo(400);
        HttpResponse<String> farTooUrgent = send("POST", path + "?priority=5000", "operator", "[{}]");
        assertThat(farTooUrgent.statusCode()).isEqualTo(400);
        assertThat(body(farTooUrgent).get("message").asString()).startsWith("priority: ");
        assertThat(send("POST", "/api/tasks/999999/runs/batch", "operator", "[{}]").statusCode()).isEqualTo(404);
        JsonNode none = body(send("GET", "/api/runs?task=" + task, "viewer", null));
        assertThat(none.get("totalElements").asLong()).isZero();
    }

    @Test
    void onlyOperatorsQueueBatches() {
        long task = task("run-batch-roles");
        String path = "/api/tasks/" + task + "/runs/batch";
        assertThat(send("POST", path, "viewer", "[{}]").statusCode()).isEqualTo(403);
        assertThat(send("POST", path, null, "[{}]").statusCode()).isEqualTo(401);
        assertThat(send("POST", path, "developer", "[{}]").statusCode()).isEqualTo(201);
    }

    @Test
    void aRunTakesTheVersionSavedLastAndADeletedTaskRunsNoMore() {
        long task = task("run-latest");
        assertThat(body(send("POST", "/api/tasks/" + task + "/runs", "operator", null)).get("taskVersion").asInt())
                .isEqualTo(1);
        assertThat(send("PUT", "/api/tasks/" + task, "developer", definition("run-latest")).statusCode()).isEqualTo(200);
        assertThat(body(send("POST", "/api/tasks/" + task + "/runs", "operator", null)).get("taskVersion").asInt())
                .isEqualTo(2);
        assertThat(send("DELETE", "/api/tasks/" + task, "developer", null).statusCode()).isEqualTo(204);
        assertThat(send("POST", "/api/tasks/" + task + "/runs", "operator", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/tasks/" + task + "/runs/batch", "operator", "[{}]").statusCode()).isEqualTo(404);
    }
}
