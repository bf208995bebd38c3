package io.robofarm.orchestrator.browser;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.List;

import static io.robofarm.orchestrator.browser.AdminApi.idOf;
import static io.robofarm.orchestrator.browser.AdminApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the application on a random port with its own H2
 * file: log in, see a compile error at its line, fix and run a task and watch it succeed without a
 * reload, schedule it every 2 s and watch new runs arrive, see a failing run's line highlighted, see
 * the farm's counters agree with its cells, and check that a VIEWER is shown no edit controls. The
 * tests share one browser session and run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2/DashboardBrowserTest-${random.uuid}",
        "robofarm.admin-password=" + DashboardBrowserTest.ADMIN_PASSWORD,
        "robofarm.security.bcrypt-strength=4",
        "robofarm.demo.enabled=false"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    static final String ADMIN_PASSWORD = "admin-browser-1";
    private static final String VIEWER_PASSWORD = "viewer-browser-1";
    private static final String BROKEN = """
            -- says hello
            local params = ... or {}
            local greeting = "hello, " .. (params.name or "world"
            print(greeting)
            return { greeting = greeting }
            """;
    private static final String FIXED = BROKEN.replace("\"world\"\n", "\"world\")\n");
    private static final String FAILING = """
            local function check(total)
              print("checking " .. total)
              if total > 100 then
                error("total " .. total .. " is over the limit")
              end
            end
            check(50)
            check(150)
            """;

    /**
     * The farm counters shown, the page's farm model's counts and its cells counted anew, as
     * "queued Q running R parked P", then the memory the model counts and the cells' memory summed.
     */
    private static final String FARM_COUNTS = """
            return (async () => {
              const farm = await import('/js/farm-model.js');
              const model = await farm.farmModel();
              const shown = (kind) => Number(document.querySelector(`[data-counter='${kind}'] .value`).textContent.replace(/\\D/g, ''));
              const line = (t) => `queued ${t.QUEUED} running ${t.RUNNING} parked ${t.PARKED}`;
              const recount = { QUEUED: 0, RUNNING: 0, PARKED: 0, memory: 0 };
              for (const cell of model.cells.filter((c) => !c.endedAt)) {
                recount[farm.displayState(cell)]++;
                recount.memory += cell.memory || 0;
              }
              const kept = model.tally();
              return [line({ QUEUED: shown('queued'), RUNNING: shown('running'), PARKED: shown('parked') }),
                line(kept), line(recount), kept.memory, recount.memory];
            })();""";
    /** Feeds live events to a new farm model and notes its counts, and what wants repainting, after each step. */
    private static final String MODEL_STEPS = """
            return (async () => {
              const { FarmModel } = await import('/js/farm-model.js');
              const model = new FarmModel();
              const steps = [];
              let now = Date.now();
              const stats = (runId, parkReason, line, memoryBytes) =>
                ({ runId, state: parkReason ? 'PARKED' : 'RUNNING', parkReason, line, callDepth: 1, fuelUsed: line, memoryBytes });
              const step = (name, ...events) => {
                model.pending.push(...events);
                model.apply(now += 100);
                note(name);
              };
              const note = (name) => {
                const t = model.tally();
                const repaint = model.takeRepaint();
                steps.push(`${name}: queued ${t.QUEUED} running ${t.RUNNING} parked ${t.PARKED} memory ${t.memory}, counters `
                  + (model.takeCountersChanged() ? 'changed' : 'unchanged') + (repaint && !repaint.length ? ', repaint 0' : ''));
              };
              step('two queued', { runId: 1, taskId: 9, taskName: 't', to: 'QUEUED' }, { runId: 2, taskId: 9, taskName: 't', to: 'QUEUED' });
              step('one ran, one parked', stats(1, null, 3, 100), stats(2, 'sleep', 4, 50));
              step('a new line only', stats(1, null, 5, 100));
              step('more memory only', stats(1, null, 5, 140));
              step('one succeeded', { runId: 1, taskId: 9, taskName: 't', to: 'SUCCEEDED', at: new Date(now).toISOString() });
              now += 15000;
              step('ended cell swept away');
              model.keepCells((c) => c.runId !== 2);
              note('parked cell dropped');
              return steps;
            })();""";

    private static final int SLEEPERS = 120;
    private static final String SLEEPER = """
            local time = require("time")
            local params = ... or {}
            local n = params.n or 1
            for step = 1, 10 do
              time.sleep(400 + (n % 7) * 100)
            end
            if n % 9 == 0 then
              error("record " .. n .. " was rejected")
            end
            return n
            """;

    @LocalServerPort
    int port;

    private Browser browser;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    void startBrowser() {
        api("POST", "/api/users", "{\"username\":\"viewer\",\"password\":\"" + VIEWER_PASSWORD + "\",\"role\":\"VIEWER\"}");
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void printConsole() {
        browser.consoleLines().forEach(line -> System.out.println("browser console: " + line));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        browser.close();
    }

    @Test
    @Order(1)
    void logsInThroughTheLoginForm() {
        browser.open("/");
        browser.typeCredentials("admin", "not-the-password");
        browser.untilText("#login-message.error", "Wrong username or password.");
        assertThat(browser.currentUrl()).endsWith("/login");
        browser.screenshot("00-login-failed");
        browser.logIn("admin", ADMIN_PASSWORD);
        browser.untilText("#who", "admin (ADMIN)");
        browser.until(d -> browser.find("#connection").getText().equals("live"));
        browser.visible("#farm-grid");
        browser.screenshot("01-farm-empty");
    }

    @Test
    @Order(2)
    void showsACompileErrorAtItsLine() {
        browser.route("#/tasks/new");
        browser.visible("#task-name").sendKeys("browser-hello");
        setSource(BROKEN);
        browser.find("#check").click();
        WebElement error = browser.visible(".cm-error-widget");
        assertThat(error.getAttribute("data-line")).isEqualTo("4");
        assertThat(error.getText()).startsWith("line 4");
        assertThat(lineWithClass("cm-error-line")).isEqualTo("print(greeting)");

        browser.find("#save").click();
        browser.until(d -> browser.find("#check-result").getText().startsWith("Not saved"));
        assertThat(browser.currentUrl()).endsWith("#/tasks/new");
        browser.screenshot("02-compile-error");
    }

    @Test
    @Order(3)
    void runsTheFixedTaskAndSeesItSucceedWithoutReloading() {
        setSource(FIXED);
        browser.find("#check").click();
        browser.untilText("#check-result", "No compile errors.");
        assertThat(browser.findAll(".cm-error-widget")).isEmpty();
        browser.find("#save").click();
        browser.until(d -> browser.currentUrl().matches(".*#/tasks/\\d+$"));
        browser.markPage();

        browser.visible("#run-now").click();
        browser.until(d -> browser.currentUrl().matches(".*#/runs/\\d+$"));
        browser.until(d -> browser.find("#run-state").getText().equals("SUCCEEDED"));
        browser.until(d -> browser.find("#run-log").getText().contains("hello, world"));
        browser.until(d -> browser.find("#run-result").getText().contains("\"greeting\": \"hello, world\""));
        assertThat(browser.stillSamePage()).as("the page was not reloaded").isTrue();
        browser.screenshot("03-run-succeeded");
    }

    @Test
    @Order(4)
    void schedulesTheTaskEveryTwoSecondsAndSeesNewRunsArriveLive() {
        browser.route("#/schedules");
        browser.visible("#new-schedule").click();
        browser.visible("#schedule-name").sendKeys("every-2s");
        new Select(browser.find("#schedule-task")).selectByVisibleText("browser-hello");
        new Select(browser.find("#schedule-type")).selectByValue("INTERVAL");
        WebElement interval = browser.visible("#schedule-interval");
        interval.clear();
        interval.sendKeys("2");
        browser.until(d -> browser.findAll("#schedule-preview li").size() == 5);
        browser.find("#save-schedule").click();
        browser.visible("tr[data-schedule='every-2s'] button.pause");

        browser.route("#/runs");
        browser.visible("#runs tbody tr[data-run]");
        browser.markPage();
        int before = browser.findAll("#runs tbody tr[data-run]").size();
        browser.until(d -> browser.findAll("#runs tbody tr[data-run]").size() >= before + 2);
        browser.until(d -> browser.findAll("#runs tbody tr[data-state='SUCCEEDED']").size() >= before + 1);
        assertThat(browser.stillSamePage()).as("the page was not reloaded").isTrue();
        browser.screenshot("04-runs-live");

        browser.route("#/schedules");
        browser.visible("tr[data-schedule='every-2s'] button.pause").click();
        browser.visible("tr[data-schedule='every-2s'] button.resume");
    }

    @Test
    @Order(5)
    void highlightsTheFailingLineOfAFailedRun() {
        long taskId = idOf(api("POST", "/api/tasks", "{\"name\":\"browser-fails\",\"source\":" + json(FAILING) + "}"));
        long runId = idOf(api("POST", "/api/tasks/" + taskId + "/runs", "{}"));

        browser.route("#/runs/" + runId);
        browser.until(d -> browser.find("#run-state").getText().equals("FAILED"));
        assertThat(browser.visibleText("#error-message")).contains("total 150 is over the limit").contains("line 4");
        browser.visible(".cm-failing-line");
        assertThat(lineWithClass("cm-failing-line")).isEqualTo("    error(\"total \" .. total .. \" is over the limit\")");
        assertThat(browser.visibleText("#traceback")).contains("browser-fails");
        browser.screenshot("05-run-failed");
    }

    @Test
    @Order(6)
    void drawsActiveVmsOnTheFarmGridAndOpensOneToInspectAndCancelIt() {
        long taskId = idOf(api("POST", "/api/tasks", "{\"name\":\"browser-sleeper\",\"source\":" + json(SLEEPER)
                + ",\"modules\":[\"time\"],\"overlapPolicy\":\"PARALLEL\","
                + "\"limits\":{\"memoryBytes\":1048576,\"fuel\":1000000,\"timeoutSeconds\":60,\"maxConcurrentRuns\":500},"
                + "\"parameters\":[{\"name\":\"n\",\"type\":\"INTEGER\",\"default\":\"1\"}]}"));
        for (int n = 1; n <= SLEEPERS; n++) {
            api("POST", "/api/tasks/" + taskId + "/runs", "{\"parameters\":{\"n\":" + n + "}}");
        }
        browser.route("#/farm");
        WebElement grid = browser.visible("#farm-grid");
        browser.until(d -> counter("running") + counter("parked") >= SLEEPERS / 2);
        List<?> counts = (List<?>) browser.script(FARM_COUNTS);
        assertThat(counts.get(1)).as("counts kept as cells change").isEqualTo(counts.get(2));
        assertThat(counts.get(0)).as("counters shown").isEqualTo(counts.get(1));
        assertThat(counts.get(3)).as("memory kept as cells change").isEqualTo(counts.get(4));
        int last = Integer.parseInt(grid.getDomAttribute("data-cells")) - 1;
        int size = Integer.parseInt(grid.getDomAttribute("data-cell-size"));
        int columns = Integer.parseInt(grid.getDomAttribute("data-columns"));
        int x = (last % columns) * size + size / 2;
        int y = (last / columns) * size + size / 2;
        browser.hover(grid, x, y);
        assertThat(browser.visibleText(".tooltip")).contains("browser-sleeper").contains("line").contains("fuel");
        browser.screenshot("07-farm");

        browser.click(grid, x, y);
        browser.until(d -> browser.currentUrl().matches(".*#/runs/\\d+$"));
        browser.until(d -> browser.find("#current-line").getText().matches("\\d+ .*"));
        browser.visible(".cm-current-line");
        browser.screenshot("08-run-live");
        browser.find("#show-stack").click();
        WebElement script = browser.visible("#stack .frame.in-script");
        assertThat(script.getText()).contains("main chunk").contains("browser-sleeper.lua:5");
        WebElement n = browser.find("#stack .frame.in-script tr[data-local='n']");
        assertThat(n.getText()).matches("n \\d+ number");
        script.click();
        assertThat(lineWithClass("cm-stack-line")).isEqualTo("  time.sleep(400 + (n % 7) * 100)");
        browser.screenshot("09-call-stack");
        browser.find("#cancel").click();
        browser.until(d -> browser.find("#run-state").getText().equals("CANCELLED"));
    }

    @Test
    @Order(7)
    void aFarmModelCountsItsCellsByStateAsTheyChange() {
        assertThat(browser.script(MODEL_STEPS)).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(
                "two queued: queued 2 running 0 parked 0 memory 0, counters changed",
                "one ran, one parked: queued 0 running 1 parked 1 memory 150, counters changed",
                "a new line only: queued 0 running 1 parked 1 memory 150, counters unchanged, repaint 0",
                "more memory only: queued 0 running 1 parked 1 memory 190, counters unchanged, repaint 0",
                "one succeeded: queued 0 running 0 parked 1 memory 50, counters changed",
                "ended cell swept away: queued 0 running 0 parked 1 memory 50, counters unchanged",
                "parked cell dropped: queued 0 running 0 parked 0 memory 0, counters changed");
    }

    @Test
    @Order(8)
    void aViewerSeesNoEditControls() {
        browser.find("#logout").click();
        browser.until(d -> browser.currentUrl().endsWith("/login?logout"));
        browser.untilText("#login-message", "You have been logged out.");
        browser.logIn("viewer", VIEWER_PASSWORD);
        browser.untilText("#who", "viewer (VIEWER)");
        assertThat(browser.find("#nav a[data-route='users']").isDisplayed()).isFalse();

        browser.route("#/tasks");
        browser.visible("#tasks tr[data-task='browser-hello']").click();
        browser.visible("#editor .CodeMirror");
        assertThat(browser.findAll("#save, #check, #delete, #run-now, #add-parameter")).isEmpty();
        assertThat(browser.find("#task-name").isEnabled()).isFalse();
        browser.route("#/tasks");
        browser.visible("#tasks");
        assertThat(browser.findAll("#new-task")).isEmpty();

        browser.route("#/schedules");
        browser.visible("tr[data-schedule='every-2s']");
        assertThat(browser.findAll("#new-schedule, button.pause, button.resume")).isEmpty();

        browser.route("#/runs");
        browser.visible("#runs tbody tr[data-run]").click();
        browser.visible("#run-state");
        assertThat(browser.findAll("#cancel")).isEmpty();
        browser.screenshot("06-viewer");
    }

    private int counter(String kind) {
        return Integer.parseInt(browser.find("[data-counter='" + kind + "'] .value").getText().replace(",", ""));
    }

    private void setSource(String source) {
        browser.visible("#editor .CodeMirror");
        browser.script("document.querySelector('#editor .CodeMirror').CodeMirror.setValue(arguments[0])", source);
    }

    /** The text of the one script line that carries the given CodeMirror background class. */
    private String lineWithClass(String cssClass) {
        return (String) browser.script("""
                const marked = [...document.querySelectorAll('.CodeMirror .' + arguments[0])];
                if (marked.length !== 1) return 'marked lines: ' + marked.length;
                return marked[0].parentElement.querySelector('pre.CodeMirror-line').textContent;""", cssClass);
    }

    private String api(String method, String path, String body) {
        return new AdminApi(port, ADMIN_PASSWORD).call(method, path, body);
    }
}
