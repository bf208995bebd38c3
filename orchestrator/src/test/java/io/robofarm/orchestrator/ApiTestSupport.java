package io.robofarm.orchestrator;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base of the end-to-end API tests: one application on a random port with its own in-memory H2,
 * shared by every subclass (same configuration, so Spring starts it once), called over real HTTP.
 * Users {@code viewer}, {@code operator} and {@code developer} exist next to {@code admin}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
        "robofarm.admin-password=" + ApiTestSupport.ADMIN_PASSWORD,
        "robofarm.security.bcrypt-strength=4",
        "robofarm.api.max-request-bytes=1048576",
})
public abstract class ApiTestSupport {
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String PASSWORD = "password-123";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @BeforeEach
    void usersForEveryRole() {
        for (String role : new String[] {"VIEWER", "OPERATOR", "DEVELOPER"}) {
            String name = role.toLowerCase();
            HttpResponse<String> created = send("POST", "/api/users", "admin",
                    "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}");
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("cannot create user " + name + ": " + created.body());
            }
        }
    }

    /** Sends a JSON request as {@code user} (null: anonymous); {@code admin} uses the admin password. */
    protected HttpResponse<String> send(String method, String path, String user, String body) {
        return send(method, path, user, body, "application/json");
    }

    protected HttpResponse<String> send(String method, String path, String user, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD));
        }
        return exchange(request.build());
    }

    protected HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A minimal valid task definition as JSON. */
    protected static String task(String name, String source) {
        return "{\"name\":\"" + name + "\",\"source\":" + quote(source) + "}";
    }

    protected static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
