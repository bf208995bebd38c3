package io.robofarm.orchestrator.security;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, Basic and form login, CSRF and the public endpoints, over real HTTP. */
class SecurityApiTest extends ApiTestSupport {

    @Test
    void anonymousCallsGet401AsJsonWithABasicChallenge() {
        HttpResponse<String> response = send("GET", "/api/tasks", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"RoboFarm\"");
        assertThat(body(response).get("message").asString()).contains("Log in");
        assertThat(send("POST", "/api/tasks", null, task("anon", "return 1")).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401() {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/tasks")).header("Authorization", basic("admin", "nope")).build();
        assertThat(exchange(request).statusCode()).isEqualTo(401);
    }

    @Test
    void rolesNest() {
        assertThat(send("GET", "/api/tasks", "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/audit", "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/tasks", "viewer", task("by-viewer", "return 1")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/tasks", "operator", task("by-operator", "return 1")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/tasks", "developer", task("by-developer", "return 1")).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/tasks", "admin", task("by-admin", "return 1")).statusCode()).isEqualTo(201);
        HttpResponse<String> denied = send("GET", "/api/users", "developer", null);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(body(denied).get("message").asString()).isEqualTo("Your role may not GET /api/users");
        assertThat(send("GET", "/api/users", "admin", null).statusCode()).isEqualTo(200);
    }

    @Test
    void meSaysWhoIsLoggedIn() {
        assertThat(body(send("GET", "/api/me", "operator", null)).get("role").asString()).isEqualTo("OPERATOR");
    }

    @Test
    void healthAndTheApiDocumentArePublic() {
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(body(docs).get("paths").has("/api/tasks/{id}/versions/{number}")).isTrue();
        assertThat(send("GET", "/actuator/metrics", "developer", null).statusCode()).isEqualTo(403);
    }

    @Test
    void theBrowserLogsInWithAFormAndNeedsTheCsrfTokenToWrite() {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> page = call(browser, HttpRequest.newBuilder(uri("/")).build());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> loginPage = call(browser, HttpRequest.newBuilder(uri("/login")).build());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("id=\"login-form\"").contains("/js/login.js");
        String token = cookie(cookies, "XSRF-TOKEN");
        HttpRequest.Builder login = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "XMLHttpRequest");
        HttpResponse<String> wrong = call(browser, login.copy().header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=developer&password=nope")).build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(body(wrong).get("message").asString()).isEqualTo("Wrong username or password");
        HttpResponse<String> withoutToken = call(browser, login.copy()
                .POST(HttpRequest.BodyPublishers.ofString("username=developer&password=" + PASSWORD)).build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> right = call(browser, login.copy().header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=developer&password=" + PASSWORD)).build());
        assertThat(right.statusCode()).isEqualTo(204);

        assertThat(call(browser, HttpRequest.newBuilder(uri("/api/tasks")).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = call(browser, HttpRequest.newBuilder(uri("/api/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(task("forged", "return 1"))).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(body(forged).get("message").asString()).contains("CSRF");

        String csrf = cookie(cookies, "XSRF-TOKEN");
        HttpResponse<String> written = call(browser, HttpRequest.newBuilder(uri("/api/tasks"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(task("from-the-browser", "return 1"))).build());
        assertThat(written.statusCode()).isEqualTo(201);
        assertThat(call(browser, HttpRequest.newBuilder(uri("/")).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aLostDashboardSessionGets401WithoutABasicChallenge() {
        HttpResponse<String> lost = exchange(HttpRequest.newBuilder(uri("/api/me")).header("Cookie", "JSESSIONID=gone").build());
        assertThat(lost.statusCode()).isEqualTo(401);
        assertThat(lost.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> fetched = exchange(HttpRequest.newBuilder(uri("/api/me")).header("X-Requested-With", "XMLHttpRequest").build());
        assertThat(fetched.statusCode()).isEqualTo(401);
        assertThat(fetched.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    private HttpResponse<String> call(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
