package io.robofarm.orchestrator.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One {@code /api/live} client. The bus hands it events on the publisher's thread, where it only
 * queues them: a bounded queue for state changes and log lines, and the latest sample per VM for
 * stats (so stats coalesce by themselves). A sender thread drains the queue into the SSE stream; if
 * the client reads too slowly the queue fills, further events are dropped, and the client receives a
 * {@code dropped} event saying how many, so it knows to reload from the REST API. A slow client
 * therefore costs the farm nothing but its own queue.
 *
 * <p>Events go out in writes of up to {@value #EVENTS_PER_WRITE} events (about 32 KB of the ~120-byte
 * events the farm view mostly gets) with one flush each: at 10,000 VMs a flush per event cost more
 * than the events themselves.
 */
final class LiveConnection implements LiveEventBus.Subscriber {
    static final int EVENTS_PER_WRITE = 256;

    private final SseEmitter emitter;
    private final Long runFilter;
    private final Executor sender;
    private final BlockingQueue<LiveEventBus.Envelope> queue;
    private final Map<Long, VmStats> latestStats = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<String> gapNotice = new AtomicReference<>();
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<LiveConnection> onClose;
    private volatile Runnable unsubscribe = () -> { };

    LiveConnection(SseEmitter emitter, Long runFilter, int queueSize, Executor sender,
                   Consumer<LiveConnection> onClose) {
        this.emitter = emitter;
        this.runFilter = runFilter;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.sender = sender;
        this.onClose = onClose;
    }

    /** Starts receiving events from {@code bus}, after a replay of those following {@code lastEventId}. */
    void subscribe(LiveEventBus bus, Long lastEventId) {
        unsubscribe = bus.subscribe(this, lastEventId);
    }

    @Override
    public void onEvent(LiveEventBus.Envelope envelope) {
        LiveEvent event = envelope.event();
        if (closed.get() || (runFilter != null && event.runId() != runFilter)) {
            return;
        }
        if (event instanceof VmStats stats) {
            latestStats.put(stats.runId(), stats);
        } else if (!queue.offer(envelope)) {
            dropped.incrementAndGet();
        }
        scheduleDrain();
    }

    @Override
    public void onGap(long lastSeenId, long firstKeptId) {
        gapNotice.set("events after id " + lastSeenId + " before id " + firstKeptId + " are no longer available");
        scheduleDrain();
    }

    void heartbeat() {
        heartbeatDue.set(true);
        scheduleDrain();
    }

    /** Ends the stream and lets the registry forget this connection; safe to call more than once. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            unsubscribe.run();
            onClose.accept(this);
            emitter.complete();
        }
    }

    private void scheduleDrain() {
        if (!closed.get() && draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    private boolean hasWork() {
        return !queue.isEmpty() || !latestStats.isEmpty() || dropped.get() > 0 || gapNotice.get() != null
                || heartbeatDue.get();
    }

    private void drain() {
        try {
            while (!closed.get() && hasWork()) {
                Batch batch = new Batch();
                sendNotices(batch);
                for (LiveEventBus.Envelope e; (e = queue.poll()) != null; ) {
                    batch.add(SseEmitter.event().id(Long.toString(e.id())).name(e.event().type())
                            .data(e.event(), MediaType.APPLICATION_JSON));
                }
                // Samples carry no id: replaying them after a reconnect would only show stale values.
                for (Iterator<VmStats> it = latestStats.values().iterator(); it.hasNext(); ) {
                    VmStats stats = it.next();
                    it.remove();
                    batch.add(SseEmitter.event().name(stats.type()).data(stats, MediaType.APPLICATION_JSON));
                }
                batch.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the stream was completed): nothing more to send to it.
            close();
        } finally {
            draining.set(false);
        }
        if (!closed.get() && hasWork()) {
            scheduleDrain();
        }
    }

    private void sendNotices(Batch batch) throws IOException {
        String gap = gapNotice.getAndSet(null);
        if (gap != null) {
            batch.add(SseEmitter.event().name("dropped").data(Map.of("reason", gap),
                    MediaType.APPLICATION_JSON));
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            batch.add(SseEmitter.event().name("dropped").data(Map.of("dropped", lost,
                    "reason", "the client read too slowly; reload state from the REST API"), MediaType.APPLICATION_JSON));
        }
        if (heartbeatDue.getAndSet(false)) {
            batch.add(SseEmitter.event().comment("heartbeat"));
        }
    }

    /** Events gathered for one write; written and flushed whenever {@value #EVENTS_PER_WRITE} have gathered. */
    private final class Batch {
        private Set<ResponseBodyEmitter.DataWithMediaType> parts = new LinkedHashSet<>();
        private int events;

        void add(SseEmitter.SseEventBuilder event) throws IOException {
            parts.addAll(event.build());
            if (++events == EVENTS_PER_WRITE) {
                flush();
            }
        }

        void flush() throws IOException {
            if (events > 0) {
                Set<ResponseBodyEmitter.DataWithMediaType> written = parts;
                parts = new LinkedHashSet<>();
                events = 0;
                emitter.send(written);
            }
        }
    }
}
