package io.robofarm.orchestrator.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process bus of {@link LiveEvent}s. Run state changes and log lines get increasing ids and
 * are kept in a bounded ring, so a client that reconnects with {@code Last-Event-ID} gets what it
 * missed; VM stats are samples that the next one replaces, so they get id 0 and are not kept.
 * Subscribers must not block: {@link #publish} calls them on the publisher's thread, in id order.
 */
@Component
public class LiveEventBus {
    /** An event with its bus id (0 for an unsequenced sample). */
    public record Envelope(long id, LiveEvent event) {
    }

    /** Receives events; both methods are called under the bus lock and must return at once. */
    public interface Subscriber {
        void onEvent(Envelope envelope);

        /** Events after the subscriber's last seen id up to {@code firstKeptId - 1} left the ring. */
        void onGap(long lastSeenId, long firstKeptId);
    }

    private final Envelope[] ring;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /**
     * Id of the last sequenced event; guarded by {@link #lock}. It starts at the boot time in
     * microseconds, so ids grow across restarts and a client's old id is never mistaken for a new one.
     */
    private long lastId;
    /** The id before the first event of this process. */
    private final long bootId;

    public LiveEventBus(@Value("${robofarm.live.replay-buffer:10000}") int replayBuffer) {
        if (replayBuffer < 1) {
            throw new IllegalArgumentException("robofarm.live.replay-buffer must be positive: " + replayBuffer);
        }
        ring = new Envelope[replayBuffer];
        bootId = System.currentTimeMillis() * 1000;
        lastId = bootId;
    }

    /** Gives {@code event} to every subscriber. */
    public void publish(LiveEvent event) {
        synchronized (lock) {
            Envelope envelope;
            if (event instanceof VmStats) {
                envelope = new Envelope(0, event);
            } else {
                envelope = new Envelope(++lastId, event);
                ring[(int) (lastId % ring.length)] = envelope;
            }
            for (Subscriber subscriber : subscribers) {
                subscriber.onEvent(envelope);
            }
        }
    }

    /**
     * Subscribes, first replaying the kept events after {@code lastSeenId} (none when it is null), so
     * nothing falls between the replay and the live events. Returns what unsubscribes.
     */
    public Runnable subscribe(Subscriber subscriber, Long lastSeenId) {
        synchronized (lock) {
            if (lastSeenId != null && lastSeenId > lastId) {
                subscriber.onGap(lastSeenId, lastId + 1);
            } else if (lastSeenId != null && lastSeenId < lastId) {
                long first = Math.max(lastSeenId + 1, Math.max(bootId + 1, lastId - ring.length + 1));
                if (first > lastSeenId + 1) {
                    subscriber.onGap(lastSeenId, first);
                }
                for (long id = first; id <= lastId; id++) {
                    subscriber.onEvent(ring[(int) (id % ring.length)]);
                }
            }
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }

    /** The id of the newest sequenced event. */
    public long lastId() {
        synchronized (lock) {
            return lastId;
        }
    }

    /** How many subscribers are connected. */
    public int subscriberCount() {
        return subscribers.size();
    }
}
