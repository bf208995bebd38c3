import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The farm view under load: starts N robots on a running orchestrator, opens the dashboard in headless
 * Debian Chromium, waits until the farm view shows them all, then measures for a while the page's own
 * frame work times (apply + draw, taken in the page), the intervals between animation frames, long
 * tasks, what arrived over /api/live, and the orchestrator's CPU.
 * Usage: FarmViewBench BASE_URL ADMIN_PASSWORD VMS SECONDS PAUSE_MS ORCHESTRATOR_PID.
 */
public final class FarmViewBench {
    /**
     * Works like an RPA robot: a small batch of steps, a log line every 30 batches, then a pause of 0.5 to
     * 1.5 times pauseMs (at random), so most of the time the VM is parked and holds no thread.
     */
    private static final String ROBOT = """
            local time = require("time")
            local log = require("log")
            local params = ... or {}
            math.randomseed(params.seed)
            local steps, n = 0, 0
            while true do
              for i = 1, 200 do
                n = (n + i) % 1000003
              end
              steps = steps + 1
              if steps % 30 == 0 then
                log.info("step " .. steps .. ": " .. n)
              end
              time.sleep(math.floor(params.pauseMs * (0.5 + math.random())))
            end
            """;
    private static final int CLIENT_THREADS = 8;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int vms = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int pauseMs = Integer.parseInt(args[4]);
        ProcessHandle orchestrator = ProcessHandle.of(Long.parseLong(args[5])).orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));

        String task = post(http, base + "/api/tasks", auth, "{\"name\":\"bench-robot-" + System.currentTimeMillis()
                + "\",\"source\":" + json(ROBOT) + ",\"overlapPolicy\":\"PARALLEL\",\"limits\":{\"memoryBytes\":262144,"
                + "\"fuel\":1000000000000000,\"timeoutSeconds\":3600,\"maxConcurrentRuns\":" + vms + "},"
                + "\"modules\":[\"time\",\"log\"],\"parameters\":[{\"name\":\"pauseMs\",\"type\":\"INTEGER\"},"
                + "{\"name\":\"seed\",\"type\":\"INTEGER\"}]}");
        long taskId = id(task);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<String>> runs = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            String body = "{\"parameters\":{\"pauseMs\":" + pauseMs + ",\"seed\":" + i + "}}";
            runs.add(pool.submit(() -> post(http, base + "/api/tasks/" + taskId + "/runs", auth, body)));
        }
        for (Future<String> run : runs) {
            run.get();
        }
        pool.shutdown();
        System.out.printf("started %d runs in %.1f s (%d client threads)%n", vms, (System.nanoTime() - started) / 1e9,
                CLIENT_THREADS);

        Path profile = Files.createTempDirectory("farm-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            driver.get(base + "/");
            driver.findElement(By.name("username")).sendKeys("admin");
            driver.findElement(By.name("password")).sendKeys(password);
            driver.findElement(By.cssSelector("button[type='submit']")).click();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(5), Duration.ofMillis(500));
            wait.until(d -> !d.findElements(By.id("farm-grid")).isEmpty());
            wait.until(d -> counter(d, "running") + counter(d, "parked") >= vms);
            System.out.printf("farm view shows %d active VMs after %.1f s%n",
                    counter(driver, "running") + counter(driver, "parked"), (System.nanoTime() - started) / 1e9);

            Thread.sleep(5_000);
            JavascriptExecutor js = driver;
            js.executeScript("""
                    window.benchIntervals = [];
                    window.benchLongTasks = [];
                    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.benchLongTasks.push(e.duration)))
                        .observe({ entryTypes: ["longtask"] });
                    let last = performance.now();
                    const tick = (now) => { window.benchIntervals.push(now - last); last = now; requestAnimationFrame(tick); };
                    requestAnimationFrame(tick);
                    window.robofarmFrames();""");
            Duration cpuBefore = orchestrator.info().totalCpuDuration().orElse(Duration.ZERO);
            @SuppressWarnings("unchecked")
            Map<String, Number> before = (Map<String, Number>) js.executeScript("return window.robofarmLiveReceived()");
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            @SuppressWarnings("unchecked")
            Map<String, Number> after = (Map<String, Number>) js.executeScript("return window.robofarmLiveReceived()");
            double elapsed = (System.nanoTime() - t0) / 1e9;
            Duration cpu = orchestrator.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
            List<Double> longTasks = numbers(js.executeScript("return window.benchLongTasks"));
            List<Double> work = numbers(js.executeScript("return window.robofarmFrames()"));
            List<Double> intervals = numbers(js.executeScript("return window.benchIntervals"));
            double chars = after.get("chars").doubleValue() - before.get("chars").doubleValue();
            double events = after.get("events").doubleValue() - before.get("events").doubleValue();

            System.out.printf("measured %.1f s with %d active VMs%n", elapsed, counter(driver, "running") + counter(driver, "parked"));
            System.out.printf("frame work (apply + draw), %d frames: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    work.size(), percentile(work, 50), percentile(work, 95), percentile(work, 100));
            System.out.printf("animation frame interval, %d frames: median %.2f ms, p95 %.2f ms%n",
                    intervals.size(), percentile(intervals, 50), percentile(intervals, 95));
            System.out.printf("long tasks (> 50 ms): %d, longest %.0f ms%n", longTasks.size(),
                    longTasks.isEmpty() ? 0.0 : percentile(longTasks, 100));
            System.out.printf("SSE: %.0f events/s, %.0f bytes/s of event data (%.1f KiB/s)%n",
                    events / elapsed, chars / elapsed, chars / elapsed / 1024);
            System.out.printf("orchestrator CPU: %.0f %% of one core; load average: %s%n",
                    cpu.toNanos() / 1e9 / elapsed * 100, Files.readString(Path.of("/proc/loadavg")).trim());
            Path shot = Path.of("target", "farm-bench.png");
            Files.createDirectories(shot.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("screenshot: " + shot.toAbsolutePath());
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int counter(org.openqa.selenium.WebDriver driver, String kind) {
        String text = driver.findElement(By.cssSelector("[data-counter='" + kind + "'] .value")).getText();
        return Integer.parseInt(text.replace(",", "").replace("\u202f", "").replace("\u00a0", ""));
    }

    private static List<Double> numbers(Object list) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Number) o).doubleValue());
        }
        out.sort(Double::compare);
        return out;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String post(HttpClient http, String url, String auth, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
