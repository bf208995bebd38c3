package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.ApiTestSupport;
import io.robofarm.orchestrator.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tasks over real HTTP: versions, compile errors, names, deletion, the catalog the farm uses. */
class TaskApiTest extends ApiTestSupport {
    @Autowired
    TaskCatalog catalog;

    @Test
    void eachSaveIsANewVersionAndOldVersionsStayReadable() {
        HttpResponse<String> created = send("POST", "/api/tasks", "developer", """
                {"name":"versioned","description":"first","source":"return 1",
                 "parameters":[{"name":"n","type":"INTEGER","default":3,"description":"count"}],
                 "limits":{"memoryBytes":1048576,"fuel":100000,"timeoutSeconds":10,"maxConcurrentRuns":2},
                 "overlapPolicy":"QUEUE","retry":{"attempts":2,"backoffSeconds":5},"modules":["log"]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode v1 = body(created);
        long id = v1.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/tasks/" + id);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("parameters").get(0).get("default").asString()).isEqualTo("3");
        assertThat(v1.get("savedBy").asString()).isEqualTo("developer");

        HttpResponse<String> updated = send("PUT", "/api/tasks/" + id, "developer", task("versioned", "return 2"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(body(updated).get("version").asInt()).isEqualTo(2);
        assertThat(body(updated).get("overlapPolicy").asString()).isEqualTo("SKIP");

        assertThat(body(send("GET", "/api/tasks/" + id, "viewer", null)).get("source").asString()).isEqualTo("return 2");
        JsonNode history = body(send("GET", "/api/tasks/" + id + "/versions", "viewer", null));
        assertThat(history).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
        JsonNode old = body(send("GET", "/api/tasks/" + id + "/versions/1", "viewer", null));
        assertThat(old.get("source").asString()).isEqualTo("return 1");
        assertThat(old.get("limits").get("fuel").asLong()).isEqualTo(100_000);
        assertThat(old.get("modules").get(0).asString()).isEqualTo("log");
        assertThat(send("GET", "/api/tasks/" + id + "/versions/3", "viewer", null).statusCode()).isEqualTo(404);

        RunnableTask latest = catalog.latest(id);
        assertThat(latest.versionNumber()).isEqualTo(2);
        assertThat(latest.prototype()).isSameAs(catalog.latest(id).prototype());
        RunnableTask first = catalog.version(id, 1);
        assertThat(catalog.version(id, 1)).isSameAs(first);
        assertThat(first.source()).isEqualTo("return 1");
        assertThatThrownBy(() -> catalog.version(id, 9)).isInstanceOf(NotFoundException.class);
        assertThat(first.resolveParameters(Map.of())).containsEntry("n", 3L);
        assertThat(first.resolveParameters(Map.of("n", "7"))).containsEntry("n", 7L);
        assertThat(first.retry()).isEqualTo(new RetryPolicy(2, 5));
    }

    @Test
    void aScriptThatDoesNotCompileIsRefusedWithLineAndColumnAndNothingIsSaved() {
        int before = body(send("GET", "/api/tasks", "viewer", null)).size();
        HttpResponse<String> refused = send("POST", "/api/tasks", "developer", task("broken", "local x = 1\nif x then\n  y = = 2\nend"));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = body(refused);
        assertThat(error.get("message").asString()).isEqualTo("broken.lua:3: unexpected symbol near '='");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isEqualTo(7);
        assertThat(body(send("GET", "/api/tasks", "viewer", null)).size()).isEqualTo(before);

        long id = body(send("POST", "/api/tasks", "developer", task("fixed-later", "return 1"))).get("id").asLong();
        assertThat(send("PUT", "/api/tasks/" + id, "developer", task("fixed-later", "return (")).statusCode()).isEqualTo(400);
        assertThat(body(send("GET", "/api/tasks/" + id, "viewer", null)).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void checkCompilesWithoutSaving() {
        JsonNode ok = body(send("POST", "/api/tasks/check", "viewer", "{\"source\":\"return 1\"}"));
        assertThat(ok.get("valid").asBoolean()).isTrue();
        JsonNode bad = body(send("POST", "/api/tasks/check", "viewer", "{\"name\":\"probe\",\"source\":\"x =\"}"));
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("errors").get(0).get("message").asString()).isEqualTo("probe.lua:1: unexpected symbol near <eof>");
        assertThat(bad.get("errors").get(0).get("line").asInt()).isEqualTo(1);
    }

    @Test
    void namesAreUniqueAmongLiveTasksAndADeletedTaskKeepsItsHistory() {
        long id = body(send("POST", "/api/tasks", "developer", task("unique-name", "return 1"))).get("id").asLong();
        HttpResponse<String> duplicate = send("POST", "/api/tasks", "developer", task("unique-name", "return 2"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(body(duplicate).get("message").asString()).contains("unique-name");

        long other = body(send("POST", "/api/tasks", "developer", task("other-name", "return 1"))).get("id").asLong();
        assertThat(send("PUT", "/api/tasks/" + other, "developer", task("unique-name", "return 1")).statusCode()).isEqualTo(409);

        assertThat(send("DELETE", "/api/tasks/" + id, "developer", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/tasks/" + id, "viewer", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/tasks/" + id, "developer", null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/tasks/" + id, "developer", task("unique-name", "return 1")).statusCode()).isEqualTo(404);
        assertThat(body(send("GET", "/api/tasks/" + id + "/versions/1", "viewer", null)).get("source").asString()).isEqualTo("return 1");
        assertThat(body(send("GET", "/api/tasks", "viewer", null))).noneMatch(t -> t.get("id").asLong() == id);

        assertThat(send("POST", "/api/tasks", "developer", task("unique-name", "return 3")).statusCode()).isEqualTo(201);
    }

    @Test
    void parameterDefaultsMustFitTheirType() {
        HttpResponse<String> refused = send("POST", "/api/tasks", "developer", """
                {"name":"typed","source":"return 1","parameters":[{"name":"n","type":"INTEGER","default":"many"}]}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("message").asString()).isEqualTo("Parameter 'n' must be an integer, not 'many'");

        HttpResponse<String> twice = send("POST", "/api/tasks", "developer", """
                {"name":"typed","source":"return 1","parameters":[{"name":"n","type":"STRING"},{"name":"n","type":"STRING"}]}""");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(body(twice).get("message").asString()).contains("declared twice");
    }

    @Test
    void theDemoRobotsExistAndCompile() {
        JsonNode list = body(send("GET", "/api/tasks", "viewer", null));
        for (String name : new String[] {"hello", "csv-totals", "slow-progress", "always-fails"}) {
            JsonNode demo = null;
            for (JsonNode t : list) {
                if (t.get("name").asString().equals(name)) {
                    demo = t;
                }
            }
            assertThat(demo).as(name).isNotNull();
            RunnableTask runnable = catalog.latest(demo.get("id").asLong());
            assertThat(runnable.prototype()).isNotNull();
        }
    }

    @Test
    void changesAreAudited() {
        long id = body(send("POST", "/api/tasks", "developer", task("audited", "return 1"))).get("id").asLong();
        send("PUT", "/api/tasks/" + id, "admin", task("audited", "return 2"));
        JsonNode entries = body(send("GET", "/api/audit?targetType=TASK&targetId=" + id, "viewer", null)).get("content");
        assertThat(entries).extracting(e -> e.get("action").asString() + " by " + e.get("username").asString())
                .containsExactly("UPDATE by admin", "CREATE by developer");
    }
}
