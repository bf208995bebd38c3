package io.robofarm.orchestrator.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open {@code /api/live} streams. Each connection registers itself on the bus when it opens and
 * unregisters when the client leaves, times out or fails; this registry only sends their heartbeats
 * and closes them at shutdown. Sender threads are shared, one per stream that has something to send.
 */
@Component
public class LiveConnections {
    private final LiveEventBus bus;
    private final int queueSize;
    private final Set<LiveConnection> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newCachedThreadPool(daemonThreads("live-sender-"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("live-heartbeat-"));

    public LiveConnections(LiveEventBus bus, @Value("${robofarm.live.client-queue:2000}") int queueSize,
                           @Value("${robofarm.live.heartbeat:15s}") Duration heartbeat) {
        this.bus = bus;
        this.queueSize = queueSize;
        heartbeats.scheduleAtFixedRate(() -> open.forEach(LiveConnection::heartbeat),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the events about {@code runFilter} (all runs when null), first replaying the
     * kept events after {@code lastEventId} when the client is resuming.
     */
    SseEmitter connect(Long runFilter, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        LiveConnection connection = new LiveConnection(emitter, runFilter, queueSize, senders, open::remove);
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(e -> connection.close());
        open.add(connection);
        connection.subscribe(bus, lastEventId);
        connection.heartbeat();
        return emitter;
    }

    /** How many clients are connected. */
    public int count() {
        return open.size();
    }

    /**
     * Ends every stream as soon as the application starts closing: an open stream is a request in
     * progress, and the web server's graceful shutdown would otherwise wait for it until its timeout.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        heartbeats.shutdownNow();
        open.forEach(LiveConnection::close);
        senders.shutdown();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
