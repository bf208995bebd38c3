package io.robofarm.orchestrator.live;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/live} over real HTTP: state changes arrive with ids, and a reconnect resumes after Last-Event-ID. */
class LiveApiTest extends ApiTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SseClient connect(String lastEventId) throws Exception {
        SseClient client = new SseClient(uri("/api/live"), basic("viewer", PASSWORD), lastEventId);
        assertThat(client.status()).isEqualTo(200);
        // The first heartbeat is sent once the connection is subscribed.
        assertThat(client.await(e -> e.name().equals("comment"), WAIT)).isNotNull();
        return client;
    }

    private long startRun(long task) {
        return body(send("POST", "/api/tasks/" + task + "/runs", "operator", null)).get("id").asLong();
    }

    private boolean queued(SseClient.Event event, long runId) {
        if (!event.name().equals("run-state")) {
            return false;
        }
        JsonNode data = json.readTree(event.data());
        return data.get("runId").asLong() == runId && data.get("to").asString().equals("QUEUED");
    }

    @Test
    void stateChangesArriveWithIdsAndAReconnectResumesAfterTheLastOneSeen() throws Exception {
        long task = body(send("POST", "/api/tasks", "developer", task("live-resume", "return 1"))).get("id").asLong();
        long first;
        String firstEventId;
        try (SseClient client = connect(null)) {
            first = startRun(task);
            SseClient.Event event = client.await(e -> queued(e, first), WAIT);
            assertThat(event).isNotNull();
            assertThat(event.id()).isNotNull();
            JsonNode data = json.readTree(event.data());
            assertThat(data.get("taskName").asString()).isEqualTo("live-resume");
            assertThat(data.get("from").isNull()).isTrue();
            firstEventId = event.id();
        }
        long second = startRun(task);
        try (SseClient resumed = connect(firstEventId)) {
            SseClient.Event replayed = resumed.await(e -> queued(e, second), WAIT);
            assertThat(replayed).isNotNull();
            assertThat(Long.parseLong(replayed.id())).isGreaterThan(Long.parseLong(firstEventId));
            assertThat(resumed.await(e -> queued(e, first), Duration.ofMillis(300))).isNull();
        }
    }
}
