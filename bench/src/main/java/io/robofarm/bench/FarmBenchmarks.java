package io.robofarm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the farm end to end against the targets of issue 4, on a real orchestrator started as its
 * own process ({@link FarmProcess}):
 * <ol>
 *   <li>persisted runs per second of a trivial robot ({@code print("hi") return 1}), from QUEUED to
 *       SUCCEEDED with its log line stored, enqueued over HTTP by several client threads, one run per
 *       POST or {@code --batch N} runs per POST of the batch endpoint, as fast as they can or paced at
 *       {@code --rate R} runs per second in total;</li>
 *   <li>under that load, how late runs of interval schedules start: from the schedule's fire time (the
 *       run's {@code scheduledAt}) to the run's {@code startedAt}.</li>
 * </ol>
 *
 * <p>Usage: {@code FarmBenchmarks [--jar PATH] [--port N] [--runs N] [--warmup N] [--threads N] [--batch N]
 * [--rate RUNS_PER_SECOND] [--schedules N] [--interval SECONDS] [--schedule-priority N] [--auth session|basic]}.
 * Progress goes to stderr, the figures to stdout. The exit status is 1 when a run did not succeed or a sampled
 * log lacks its line.
 */
public final class FarmBenchmarks {
    private static final String SOURCE = "print(\"hi\") return 1";
    private static final String PASSWORD = "farmbench-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static final int PAGE = 500;
    private static final int LOG_SAMPLES = 50;

    private FarmBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String loadBefore = loadAverage();
        boolean ok;
        try (FarmProcess farm = FarmProcess.start(options.jar, options.port, PASSWORD)) {
            System.err.println("farm up at " + farm.base());
            FarmClient client = new FarmClient(farm.base(), options.auth, "admin", PASSWORD);
            ok = new Session(client, options).run();
        }
        System.out.println("load average before: " + loadBefore + "; after: " + loadAverage());
        System.exit(ok ? 0 : 1);
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** One benchmark against one farm. */
    private static final class Session {
        private final FarmClient client;
        private final Options options;

        Session(FarmClient client, Options options) {
            this.client = client;
            this.options = options;
        }

        boolean run() throws Exception {
            long loadTask = createTask("bench-hi");
            long scheduledTask = createTask("bench-scheduled");

            System.err.println("warm-up: " + options.warmup + " runs");
            enqueue(loadTask, options.warmup);
            awaitIdle();

            List<Long> schedules = new ArrayList<>();
            for (int i = 0; i < options.schedules; i++) {
                schedules.add(createSchedule(scheduledTask, "bench-every-" + options.interval + "s-" + i));
            }
            System.err.println("measuring: " + options.runs + " runs from " + options.threads + " threads, "
                    + options.batch + " per POST, " + (options.rate > 0 ? "paced at " + options.rate + " runs/s"
                    : "unpaced") + ", " + schedules.size() + " schedules every " + options.interval
                    + " s with priority " + options.schedulePriority);
            long wallStart = System.nanoTime();
            long[] idRange = enqueue(loadTask, options.runs);
            double enqueueSeconds = (System.nanoTime() - wallStart) / 1e9;
            awaitIdle();
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            for (long schedule : schedules) {
                client.post("/api/schedules/" + schedule + "/pause", "{}", 200);
            }

            List<Map<String, Object>> measured = runsOf(loadTask).stream()
                    .filter(r -> id(r) >= idRange[0] && id(r) <= idRange[1]).toList();
            boolean ok = reportThroughput(measured, enqueueSeconds, wallSeconds);
            ok &= checkLogs(measured);
            Instant loadStart = measured.stream().map(r -> instant(r, "queuedAt")).min(Instant::compareTo).orElseThrow();
            Instant loadEnd = measured.stream().map(r -> instant(r, "endedAt")).max(Instant::compareTo).orElseThrow();
            reportScheduleLatency(runsOf(scheduledTask), loadStart, loadEnd);
            return ok;
        }

        private long createTask(String name) throws Exception {
            String body = "{\"name\":" + Json.quote(name) + ",\"source\":" + Json.quote(SOURCE)
                    + ",\"overlapPolicy\":\"PARALLEL\",\"limits\":{\"memoryBytes\":16777216,\"fuel\":1000000,"
                    + "\"timeoutSeconds\":60,\"maxConcurrentRuns\":10000}}";
            return id(client.post("/api/tasks", body, 201));
        }

        private long createSchedule(long taskId, String name) throws Exception {
            String body = "{\"name\":" + Json.quote(name) + ",\"taskId\":" + taskId
                    + ",\"type\":\"INTERVAL\",\"intervalSeconds\":" + options.interval
                    + ",\"priority\":" + options.schedulePriority + "}";
            return id(client.post("/api/schedules", body, 201));
        }

        /**
         * Queues {@code count} runs from the client threads, {@code --batch} per POST; with {@code --rate}
         * each POST waits for its due time on one shared clock (open loop: a slow answer does not slow
         * the pace). Returns the lowest and highest run id queued.
         */
        private long[] enqueue(long taskId, int count) throws Exception {
            AtomicInteger issued = new AtomicInteger();
            long startNanos = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(options.threads);
            try {
                List<Future<long[]>> parts = new ArrayList<>();
                for (int t = 0; t < options.threads; t++) {
                    parts.add(pool.submit(() -> {
                        long min = Long.MAX_VALUE;
                        long max = Long.MIN_VALUE;
                        for (int from = issued.getAndAdd(options.batch); from < count;
                             from = issued.getAndAdd(options.batch)) {
                            if (options.rate > 0) {
                                waitUntil(startNanos + (long) (from * 1e9 / options.rate));
                            }
                            for (long id : post(taskId, Math.min(options.batch, count - from))) {
                                min = Math.min(min, id);
                                max = Math.max(max, id);
                            }
                        }
                        return new long[] {min, max};
                    }));
                }
                long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
                for (Future<long[]> part : parts) {
                    range[0] = Math.min(range[0], part.get()[0]);
                    range[1] = Math.max(range[1], part.get()[1]);
                }
                return range;
            } finally {
                pool.shutdown();
            }
        }

        /** Queues {@code n} runs in one POST: the single-run endpoint without {@code --batch}, else the batch endpoint. */
        @SuppressWarnings("unchecked")
        private List<Long> post(long taskId, int n) throws Exception {
            if (options.batch == 1) {
                return List.of(id(client.post("/api/tasks/" + taskId + "/runs", "{}", 201)));
            }
            String body = "[" + "{},".repeat(n - 1) + "{}]";
            return (List<Long>) client.post("/api/tasks/" + taskId + "/runs/batch", body, 201).get("runIds");
        }

        private static void waitUntil(long dueNanos) throws InterruptedException {
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }

        /** Waits until the farm holds no queued or active run (scheduled runs keep coming, but finish at once). */
        private void awaitIdle() throws Exception {
            while (true) {
                @SuppressWarnings("unchecked")
                Map<String, Object> farm = (Map<String, Object>) client.get("/api/farm");
                long queued = (Long) farm.get("queuedRuns");
                long active = (Long) farm.get("activeRuns");
                if (queued == 0 && active == 0) {
                    return;
                }
                System.err.println("  queued " + queued + ", active " + active);
                Thread.sleep(1000);
            }
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> runsOf(long taskId) throws Exception {
            List<Map<String, Object>> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                Map<String, Object> found = (Map<String, Object>) client.get(
                        "/api/runs?task=" + taskId + "&size=" + PAGE + "&page=" + page);
                all.addAll((List<Map<String, Object>>) found.get("content"));
                if (page + 1 >= (Long) found.get("totalPages")) {
                    return all;
                }
            }
        }

        private boolean reportThroughput(List<Map<String, Object>> runs, double enqueueSeconds, double wallSeconds) {
            long succeeded = runs.stream().filter(r -> "SUCCEEDED".equals(r.get("state"))).count();
            Instant firstQueued = runs.stream().map(r -> instant(r, "queuedAt")).min(Instant::compareTo).orElseThrow();
            Instant lastEnded = runs.stream().map(r -> instant(r, "endedAt")).max(Instant::compareTo).orElseThrow();
            double recordedSeconds = Duration.between(firstQueued, lastEnded).toNanos() / 1e9;
            System.out.printf("runs: %d measured, %d SUCCEEDED%n", runs.size(), succeeded);
            System.out.printf("throughput (first queuedAt -> last endedAt, %.2f s): %.0f runs/s%n",
                    recordedSeconds, runs.size() / recordedSeconds);
            System.out.printf("throughput (wall clock, first POST -> farm idle, %.2f s): %.0f runs/s%n",
                    wallSeconds, runs.size() / wallSeconds);
            System.out.printf("enqueue rate (%d threads, %d runs per POST, %.2f s): %.0f runs/s%n",
                    options.threads, options.batch, enqueueSeconds, runs.size() / enqueueSeconds);
            boolean ok = runs.size() == options.runs && succeeded == runs.size();
            if (!ok) {
                System.out.println("FAILED: not every measured run SUCCEEDED");
            }
            return ok;
        }

        @SuppressWarnings("unchecked")
        private boolean checkLogs(List<Map<String, Object>> runs) throws Exception {
            int missing = 0;
            for (int i = 0; i < LOG_SAMPLES; i++) {
                long runId = id(runs.get(ThreadLocalRandom.current().nextInt(runs.size())));
                Map<String, Object> page = (Map<String, Object>) client.get("/api/runs/" + runId + "/logs");
                List<Map<String, Object>> lines = (List<Map<String, Object>>) page.get("lines");
                if (lines.size() != 1 || !"hi".equals(lines.get(0).get("line"))) {
                    System.out.println("FAILED: run " + runId + " has log " + lines);
                    missing++;
                }
            }
            System.out.printf("logs: %d of %d sampled runs have their line \"hi\"%n", LOG_SAMPLES - missing, LOG_SAMPLES);
            return missing == 0;
        }

        /**
         * From each scheduled run's fire time ({@code scheduledAt}, as Quartz gave it) to its start. Only
         * runs queued while the load ran count.
         */
        private void reportScheduleLatency(List<Map<String, Object>> runs, Instant loadStart, Instant loadEnd) {
            List<Long> fireToRunning = new ArrayList<>();
            List<Long> queuedToRunning = new ArrayList<>();
            for (Map<String, Object> run : runs) {
                Instant queued = instant(run, "queuedAt");
                Object started = run.get("startedAt");
                if (run.get("scheduledAt") == null || started == null || queued.isBefore(loadStart)
                        || queued.isAfter(loadEnd)) {
                    continue;
                }
                Instant startedAt = Instant.parse((String) started);
                Instant fire = instant(run, "scheduledAt");
                fireToRunning.add(Duration.between(fire, startedAt).toMillis());
                queuedToRunning.add(Duration.between(queued, startedAt).toMillis());
            }
            if (fireToRunning.isEmpty()) {
                System.out.println("schedules: no scheduled run was queued while the load ran");
                return;
            }
            System.out.printf("schedule fire -> RUNNING (%d scheduled runs during the load): %s%n",
                    fireToRunning.size(), percentiles(fireToRunning));
            System.out.printf("scheduled run queuedAt -> RUNNING: %s%n", percentiles(queuedToRunning));
        }

        private static String percentiles(List<Long> millis) {
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("p50 %d ms, p99 %d ms, max %d ms", at(sorted, 0.50), at(sorted, 0.99),
                    sorted[sorted.length - 1]);
        }

        private static long at(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private static long id(Map<String, Object> json) {
        return (Long) json.get("id");
    }

    private static Instant instant(Map<String, Object> run, String field) {
        return Instant.parse((String) run.get(field));
    }

    /** Command-line options with the defaults used for the README's figures. */
    private record Options(Path jar, int port, int runs, int warmup, int threads, int batch, int rate, int schedules,
                           int interval, int schedulePriority, FarmClient.Auth auth) {

        static Options parse(String[] args) {
            Path jar = Path.of("orchestrator/target/robofarm.jar");
            int port = 18080;
            int runs = 20_000;
            int warmup = 2_000;
            int threads = 8;
            int batch = 1;
            int rate = 0;
            int schedules = 10;
            int interval = 1;
            int schedulePriority = 0;
            FarmClient.Auth auth = FarmClient.Auth.SESSION;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(value);
                    case "--port" -> port = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--schedules" -> schedules = Integer.parseInt(value);
                    case "--interval" -> interval = Integer.parseInt(value);
                    case "--schedule-priority" -> schedulePriority = Integer.parseInt(value);
                    case "--auth" -> auth = FarmClient.Auth.valueOf(value.toUpperCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                            + Arrays.toString(new String[] {"--jar", "--port", "--runs", "--warmup", "--threads",
                            "--batch", "--rate", "--schedules", "--interval", "--schedule-priority", "--auth"}));
                }
                i++;
            }
            if (batch < 1 || batch > 1000 || rate < 0) {
                throw new IllegalArgumentException("--batch takes 1 to 1000 runs per POST, --rate a runs/s of 0 (unpaced) or more");
            }
            return new Options(jar, port, runs, warmup, threads, batch, rate, schedules, interval, schedulePriority, auth);
        }
    }
}
