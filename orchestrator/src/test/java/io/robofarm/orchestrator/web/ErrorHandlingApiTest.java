package io.robofarm.orchestrator.web;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Nonsense sent to the API gets a 4xx with a JSON message, never a 500. */
class ErrorHandlingApiTest extends ApiTestSupport {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "POST   | /api/tasks          | {                                                         | 400 | Malformed JSON",
        "POST   | /api/tasks          | []                                                        | 400 | Request body must be a JSON object",
        "POST   | /api/tasks          | `\"just a string\"`                                       | 400 | Request body must be a JSON object",
        "POST   | /api/tasks          | {}                                                        | 400 | name: must not be blank",
        "POST   | /api/tasks          | {\"name\":\"x y\",\"source\":\"return 1\"}                | 400 | name: must start with",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"limits\":{\"memoryBytes\":\"lots\"}} | 400 | Field 'limits.memoryBytes' has the wrong type",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"overlapPolicy\":\"SOMETIMES\"} | 400 | Field 'overlapPolicy' has the wrong type (expected one of [SKIP, QUEUE, PARALLEL])",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"limits\":{\"memoryBytes\":1,\"fuel\":0,\"timeoutSeconds\":0,\"maxConcurrentRuns\":0}} | 400 | limits.fuel: must be greater than or equal to 1000",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"modules\":[\"OS\"]}     | 400 | modules[0]",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"parameters\":[{\"name\":\"1x\",\"type\":\"STRING\"}]} | 400 | parameters[0].name",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"retry\":{\"attempts\":-1,\"backoffSeconds\":0}} | 400 | retry.attempts",
        "POST   | /api/tasks          | {\"name\":\"t\",\"source\":\"\",\"limits\":{\"fuel\":99999999999999999999999}} | 400 | limits.fuel",
        "GET    | /api/tasks/abc      |                                                           | 400 | 'abc' is not a valid value for 'id'",
        "GET    | /api/tasks/99999999 |                                                           | 404 | No task with id 99999999",
        "GET    | /api/tasks/1/versions/x |                                                       | 400 | 'x' is not a valid value for 'number'",
        "PUT    | /api/tasks/99999999 | {\"name\":\"t\",\"source\":\"return 1\"}                  | 404 | No task with id 99999999",
        "DELETE | /api/tasks/-1       |                                                           | 404 | No task with id -1",
        "GET    | /api/nothing-here   |                                                           | 404 | No endpoint GET /api/nothing-here",
        "PATCH  | /api/tasks          | {}                                                        | 405 | Method PATCH is not supported",
        "DELETE | /api/tasks          |                                                           | 405 | Method DELETE is not supported",
        "GET    | /api/audit?page=-1  |                                                           | 400 | page: must be greater than or equal to 0",
        "GET    | /api/audit?size=abc |                                                           | 400 | 'abc' is not a valid value for 'size'",
        "GET    | /api/users/nobody   |                                                           | 404 | No user named 'nobody'",
        "POST   | /api/users          | {\"username\":\"u\",\"password\":\"short\",\"role\":\"VIEWER\"} | 400 | password: size must be between 8 and 128",
        "POST   | /api/users          | {\"username\":\"u\",\"password\":\"long-enough\",\"role\":\"KING\"} | 400 | Field 'role' has the wrong type",
        "POST   | /api/tasks/check    | {\"source\":null}                                        | 400 | source: must not be null",
        "GET    | /api/tasks//1       |                                                           | 400 | The URL was rejected",
        "TRACE  | /api/tasks          |                                                           | 405 | Method Not Allowed",
    })
    void nonsenseGetsA4xxWithAMessage(String method, String path, String body, int status, String message) {
        HttpResponse<String> response = send(method, path, "admin", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        JsonNode error = body(response);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("error").asString()).isNotBlank();
        assertThat(error.get("message").asString()).contains(message);
    }

    @Test
    void aUrlTomcatCannotParseStillGetsProblemJson() throws IOException {
        String answer = rawRequest("GET /api/tasks/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"status\":400").contains("\"message\":\"Invalid URI");
    }

    @Test
    void aHeaderOverTomcatsLimitGetsProblemJson() throws IOException {
        String answer = rawRequest("GET /api/tasks HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400")
                .doesNotContain("<html");
    }

    /** Sends {@code request} as bytes on a fresh connection, for requests no HTTP client library would send. */
    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> response = send("POST", "/api/tasks", "admin", "name=x", "text/plain");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response).get("message").asString()).isNotBlank();
    }

    @Test
    void anOversizeBodyIs413() {
        String huge = "return '" + "x".repeat(1_100_000) + "'";
        HttpResponse<String> response = send("POST", "/api/tasks", "admin", task("huge", huge));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).get("message").asString()).contains("over the limit");
    }

    @Test
    void aScriptOverTheSizeLimitIs400() {
        String big = "return '" + "x".repeat(300_000) + "'";
        HttpResponse<String> response = send("POST", "/api/tasks", "admin", task("big", big));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asString()).contains("source: must be at most 256 KiB");
    }
}
