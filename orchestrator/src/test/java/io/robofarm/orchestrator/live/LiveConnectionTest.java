package io.robofarm.orchestrator.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops reading must not hold up publishers; it is told how many events it lost. */
class LiveConnectionTest {

    /** The network side of a client that does not read until {@link #reading} is counted down. */
    static final class StalledClient extends SseEmitter {
        final CountDownLatch reading = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();

        /** Takes one write of several events apart into the events, as an SSE parser would. */
        @Override
        public void send(Set<DataWithMediaType> items) throws IOException {
            try {
                reading.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String written = items.stream().map(d -> String.valueOf(d.getData())).collect(Collectors.joining());
            received.addAll(List.of(written.split("\n\n")));
        }
    }

    @Test
    @Timeout(20)
    void aStalledClientLosesEventsNotThePublisherTime() throws Exception {
        LiveEventBus bus = new LiveEventBus(100);
        StalledClient client = new StalledClient();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        LiveConnection connection = new LiveConnection(client, null, 10, sender, c -> { });
        connection.subscribe(bus, null);

        // Every publish returns although the client reads nothing.
        for (int i = 1; i <= 1000; i++) {
            bus.publish(new RunLogLine(1, i, Instant.EPOCH, "INFO", "line " + i));
            bus.publish(new VmStats(1, "RUNNING", null, i, 1, i, 4096));
        }
        client.reading.countDown();
        sender.shutdown();
        assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        String dropped = client.received.stream().filter(s -> s.contains("event:dropped")).findFirst().orElseThrow();
        assertThat(dropped).contains("read too slowly");
        long lines = client.received.stream().filter(s -> s.contains("event:run-log")).count();
        // At most the queue and the one write in flight got through; stats were coalesced to the latest sample.
        assertThat(lines).isBetween(1L, 10L + LiveConnection.EVENTS_PER_WRITE);
        List<String> stats = client.received.stream().filter(s -> s.contains("event:vm-stats")).toList();
        assertThat(stats).isNotEmpty().last().asString().contains("line=1000");
    }

    @Test
    void aFilteredConnectionOnlySeesItsRun() throws Exception {
        LiveEventBus bus = new LiveEventBus(100);
        StalledClient client = new StalledClient();
        client.reading.countDown();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        LiveConnection connection = new LiveConnection(client, 2L, 10, sender, c -> { });
        connection.subscribe(bus, null);
        bus.publish(new RunLogLine(1, 1, Instant.EPOCH, "INFO", "other run"));
        bus.publish(new RunLogLine(2, 1, Instant.EPOCH, "INFO", "this run"));
        sender.shutdown();
        assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.received).hasSize(1).first().asString().contains("this run");
    }
}
