package io.robofarm.orchestrator.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A test client of {@code /api/live}: reads the stream on a background thread and parses it into
 * events (id, name, data) and comment lines, which tests wait for.
 */
public final class SseClient implements AutoCloseable {
    /** One parsed event; {@code id} is null when the event had none, {@code name} is "comment" for comment lines. */
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    public SseClient(URI uri, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines = r.body();
            Thread reader = new Thread(() -> parse(r.body()), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** The HTTP status of the stream's response. */
    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    private void parse(Stream<String> body) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        received.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    received.add(new Event(null, "comment", line.substring(1)));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (RuntimeException e) {
            // The stream was closed by the test or the server.
        }
    }

    /** Waits for the first event not yet seen that matches; null after {@code timeout}. */
    public Event await(Predicate<Event> matching, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (Event e : seen) {
            if (matching.test(e)) {
                seen.remove(e);
                return e;
            }
        }
        while (Instant.now().isBefore(deadline)) {
            Event e = received.poll(Duration.between(Instant.now(), deadline).toMillis() + 1, TimeUnit.MILLISECONDS);
            if (e == null) {
                return null;
            }
            if (matching.test(e)) {
                return e;
            }
            seen.add(e);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        response.cancel(true);
        if (lines != null) {
            lines.close();
        }
    }
}
