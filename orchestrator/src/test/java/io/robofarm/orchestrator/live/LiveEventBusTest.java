package io.robofarm.orchestrator.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventBusTest {
    /** Records what the bus delivers. */
    static final class Recorder implements LiveEventBus.Subscriber {
        final List<LiveEventBus.Envelope> events = new ArrayList<>();
        final List<long[]> gaps = new ArrayList<>();

        @Override
        public void onEvent(LiveEventBus.Envelope envelope) {
            events.add(envelope);
        }

        @Override
        public void onGap(long lastSeenId, long firstKeptId) {
            gaps.add(new long[] {lastSeenId, firstKeptId});
        }
    }

    private static RunLogLine line(int n) {
        return new RunLogLine(7, n, Instant.EPOCH, "INFO", "line " + n);
    }

    @Test
    void eventsGetIncreasingIdsAndSamplesGetNone() {
        LiveEventBus bus = new LiveEventBus(10);
        Recorder recorder = new Recorder();
        bus.subscribe(recorder, null);
        bus.publish(line(1));
        bus.publish(new VmStats(7, "RUNNING", null, 3, 1, 100, 4096));
        bus.publish(line(2));
        assertThat(recorder.events).extracting(LiveEventBus.Envelope::id)
                .containsExactly(bus.lastId() - 1, 0L, bus.lastId());
    }

    @Test
    void aResumingSubscriberGetsWhatItMissedThenLiveEvents() {
        LiveEventBus bus = new LiveEventBus(10);
        bus.publish(line(1));
        long seen = bus.lastId();
        bus.publish(line(2));
        bus.publish(line(3));
        Recorder recorder = new Recorder();
        bus.subscribe(recorder, seen);
        bus.publish(line(4));
        assertThat(recorder.events).extracting(e -> ((RunLogLine) e.event()).seq()).containsExactly(2L, 3L, 4L);
        assertThat(recorder.gaps).isEmpty();
    }

    @Test
    void aResumeOlderThanTheRingIsToldAboutTheGap() {
        LiveEventBus bus = new LiveEventBus(3);
        bus.publish(line(1));
        long seen = bus.lastId();
        for (int i = 2; i <= 10; i++) {
            bus.publish(line(i));
        }
        Recorder recorder = new Recorder();
        bus.subscribe(recorder, seen);
        assertThat(recorder.gaps).hasSize(1);
        assertThat(recorder.gaps.get(0)[1]).isEqualTo(bus.lastId() - 2);
        assertThat(recorder.events).extracting(e -> ((RunLogLine) e.event()).seq()).containsExactly(8L, 9L, 10L);
    }

    @Test
    void anIdFromAnotherProcessIsAGapNotAReplay() {
        LiveEventBus bus = new LiveEventBus(10);
        bus.publish(line(1));
        Recorder recorder = new Recorder();
        bus.subscribe(recorder, bus.lastId() + 1_000);
        assertThat(recorder.gaps).hasSize(1);
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void anUnsubscribedSubscriberHearsNothing() {
        LiveEventBus bus = new LiveEventBus(10);
        Recorder recorder = new Recorder();
        Runnable unsubscribe = bus.subscribe(recorder, null);
        unsubscribe.run();
        bus.publish(line(1));
        assertThat(recorder.events).isEmpty();
        assertThat(bus.subscriberCount()).isZero();
    }
}
