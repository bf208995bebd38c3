package io.robofarm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real farm for the benchmark: the orchestrator jar started as its own process on a loopback port,
 * with a fresh H2 file database in a temporary directory and no demo robots, so that nothing but
 * the benchmark's runs goes through it. {@link #close} stops it and deletes the directory.
 */
final class FarmProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final URI base;

    private FarmProcess(Process process, Path dir, URI base) {
        this.process = process;
        this.dir = dir;
        this.base = base;
    }

    /** Starts {@code jar} on {@code port} with {@code adminPassword} and waits until its health endpoint is UP. */
    static FarmProcess start(Path jar, int port, String adminPassword) throws Exception {
        Path dir = Files.createTempDirectory("farmbench-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("robofarm") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--robofarm.demo.enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("farm.log").toFile());
        builder.environment().put("ROBOFARM_ADMIN_PASSWORD", adminPassword);
        Process process = builder.start();
        FarmProcess farm = new FarmProcess(process, dir, URI.create("http://127.0.0.1:" + port));
        try {
            farm.awaitHealthy(Duration.ofMinutes(3));
        } catch (Exception e) {
            System.err.print(Files.readString(dir.resolve("farm.log")));
            farm.close();
            throw e;
        }
        return farm;
    }

    URI base() {
        return base;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the farm exited with status " + process.exitValue()
                        + " before it was healthy; see " + dir.resolve("farm.log"));
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the farm was not healthy within " + timeout);
    }

    /** Stops the farm (gracefully first, as a service manager would) and deletes its database. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
