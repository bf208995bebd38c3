package io.robofarm.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The farm's REST API over one keep-alive HTTP/1.1 client, shared by all benchmark threads.
 *
 * <p>Two ways to authenticate: {@code BASIC} sends the admin's credentials with every request, as a
 * script would (the server checks the BCrypt hash each time); {@code SESSION} logs in once through the
 * login form, as the dashboard does, and then sends the session cookie and the CSRF token.
 */
final class FarmClient {
    /** How requests prove who sends them. */
    enum Auth { BASIC, SESSION }

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final URI base;
    private final Auth auth;
    private final String basic;

    FarmClient(URI base, Auth auth, String user, String password) throws Exception {
        this.base = base;
        this.auth = auth;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        if (auth == Auth.SESSION) {
            login(user, password);
        }
    }

    /** Fetches the login page (which issues the XSRF-TOKEN cookie) and posts the form as the page does. */
    private void login(String user, String password) throws Exception {
        http.send(HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.discarding());
        String token = csrfToken();
        if (token == null) {
            throw new IllegalStateException("the login page issued no XSRF-TOKEN cookie");
        }
        String form = "username=" + encode(user) + "&password=" + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** GET {@code path}; the JSON body parsed. */
    Object get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, 200);
    }

    /** POST {@code json} to {@code path}, expecting {@code status}; the JSON body parsed. */
    Map<String, Object> post(String path, String json, int status) throws IOException, InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) send("POST", path, json, status);
        return body;
    }

    private Object send(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (!"GET".equals(method)) {
                throw e;
            }
            // A pooled connection the server closed while it was idle; a read is safe to send again.
            response = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() == 403 && auth == Auth.SESSION && !"GET".equals(method)) {
            // The first write makes the server issue the CSRF cookie; send it back once.
            response = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : Json.parse(response.body());
    }

    private HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (auth == Auth.BASIC) {
            builder.header("Authorization", basic);
        } else {
            String token = csrfToken();
            if (token != null) {
                builder.header("X-XSRF-TOKEN", token);
            }
        }
        if (json == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private String csrfToken() {
        for (HttpCookie cookie : cookies.getCookieStore().get(base)) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
