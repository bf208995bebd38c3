package io.robofarm.orchestrator.user;

import io.robofarm.orchestrator.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The users API: administrators manage users; the last administrator stays. */
class UserApiTest extends ApiTestSupport {

    @Test
    void anAdministratorManagesUsers() {
        assertThat(send("POST", "/api/users", "admin",
                "{\"username\":\"carol\",\"password\":\"carol-pass-1\",\"role\":\"VIEWER\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/users", "admin",
                "{\"username\":\"carol\",\"password\":\"carol-pass-1\",\"role\":\"VIEWER\"}").statusCode()).isEqualTo(409);
        assertThat(loginStatus("carol", "carol-pass-1")).isEqualTo(200);

        assertThat(send("PUT", "/api/users/carol", "admin", "{\"password\":\"carol-pass-2\",\"role\":\"DEVELOPER\"}").statusCode())
                .isEqualTo(200);
        assertThat(loginStatus("carol", "carol-pass-1")).isEqualTo(401);
        assertThat(loginStatus("carol", "carol-pass-2")).isEqualTo(200);
        assertThat(body(send("GET", "/api/users/carol", "admin", null)).get("role").asString()).isEqualTo("DEVELOPER");
        assertThat(body(send("GET", "/api/users", "admin", null)).toString()).doesNotContain("password").doesNotContain("$2a$");

        assertThat(send("PUT", "/api/users/carol", "admin", "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(loginStatus("carol", "carol-pass-2")).isEqualTo(401);
        assertThat(send("DELETE", "/api/users/carol", "admin", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/users/carol", "admin", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theLastAdministratorCannotBeRemovedOrDemoted() {
        assertThat(send("DELETE", "/api/users/admin", "admin", null).statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/api/users/admin", "admin", "{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/api/users/admin", "admin", "{\"enabled\":false}").statusCode()).isEqualTo(409);
        assertThat(body(send("GET", "/api/me", "admin", null)).get("role").asString()).isEqualTo("ADMIN");
    }

    private int loginStatus(String user, String password) {
        return exchange(HttpRequest.newBuilder(uri("/api/me")).header("Authorization", basic(user, password)).build()).statusCode();
    }
}
