package io.robofarm.orchestrator.browser;

import io.robofarm.orchestrator.RoboFarmApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;

import static io.robofarm.orchestrator.browser.AdminApi.idOf;
import static io.robofarm.orchestrator.browser.AdminApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard across a restart of the server, in a real headless Chromium: the application runs on
 * a fixed free port with its own H2 file and session store, is stopped gracefully while the farm view
 * is open and started again. The page shows "reconnecting", goes live again by itself with the same
 * login, and shows a run started after the restart. When the session is lost after all (a crash),
 * the page goes to the login page and, logged in again, back to the view it was on.
 */
class DashboardRestartBrowserTest {
    private static final String ADMIN_PASSWORD = "admin-restart-1";
    private static final String SLEEPER = "require('time').sleep(30000)";

    private final String id = UUID.randomUUID().toString();
    private final int port = freePort();

    @Test
    void staysLoggedInAcrossAGracefulRestartAndReturnsToTheViewAfterALostSession() throws IOException {
        ConfigurableApplicationContext app = start();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            AdminApi api = new AdminApi(port, ADMIN_PASSWORD);
            long taskId = idOf(api.call("POST", "/api/tasks", "{\"name\":\"restart-sleeper\",\"source\":" + json(SLEEPER)
                    + ",\"modules\":[\"time\"],\"overlapPolicy\":\"PARALLEL\"}"));
            browser.open("/#/farm");
            browser.logIn("admin", ADMIN_PASSWORD);
            browser.untilText("#connection", "live");
            browser.visible("#farm-grid");
            browser.markPage();

            app.close();
            browser.untilText("#connection", "reconnecting");
            browser.screenshot("restart-1-reconnecting");

            app = start();
            browser.untilText("#connection", "live");
            assertThat(browser.stillSamePage()).as("the page was not reloaded").isTrue();
            assertThat(browser.currentUrl()).as("still logged in, no login page").endsWith("/#/farm");
            long runId = idOf(api.call("POST", "/api/tasks/" + taskId + "/runs", "{}"));
            browser.until(d -> Integer.parseInt(browser.find("#farm-grid").getDomAttribute("data-cells")) == 1);
            browser.screenshot("restart-2-live-again");
            api.call("POST", "/api/runs/" + runId + "/cancel", "{}");

            browser.loseSession();
            browser.route("#/runs");
            browser.until(d -> browser.currentUrl().endsWith("/login?expired#/runs"));
            assertThat(browser.visibleText("#login-message")).startsWith("Your session has ended");
            browser.screenshot("restart-3-session-expired");
            browser.logIn("admin", ADMIN_PASSWORD);
            browser.until(d -> browser.currentUrl().endsWith("/#/runs"));
            browser.visible("#runs tbody tr[data-run]");
        } finally {
            app.close();
        }
    }

    /** The application as its own context on {@link #port}, keeping its database and sessions across restarts. */
    private ConfigurableApplicationContext start() {
        Path sessions = Path.of("target", "sessions", getClass().getSimpleName() + "-" + id).toAbsolutePath();
        return new SpringApplicationBuilder(RoboFarmApplication.class).run(
                "--server.port=" + port,
                "--server.servlet.session.store-dir=" + sessions,
                "--spring.datasource.url=jdbc:h2:file:./target/h2/" + getClass().getSimpleName() + "-" + id,
                "--robofarm.admin-password=" + ADMIN_PASSWORD,
                "--robofarm.security.bcrypt-strength=4",
                "--robofarm.demo.enabled=false",
                "--robofarm.farm.shutdown-grace=1s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
