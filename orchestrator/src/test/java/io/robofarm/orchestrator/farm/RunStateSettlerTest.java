package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.RunState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RUNNING/PARKED changes settle, fold into the latest state, and go out as one batch per drain. */
class RunStateSettlerTest {
    private static final long MS = 1_000_000;

    private final List<Map<Long, RunState>> batches = new CopyOnWriteArrayList<>();
    private final RunStateSettler settler = new RunStateSettler(Duration.ofMillis(100), batches::add);

    @Test
    void aChangeIsWrittenOnlyOnceItHasSettled() {
        settler.report(1, RunState.PARKED, 0);
        settler.drain(99 * MS, false);
        assertThat(batches).isEmpty();
        settler.drain(100 * MS, false);
        assertThat(batches).containsExactly(Map.of(1L, RunState.PARKED));
    }

    @Test
    void changesWithinTheSettlingTimeFoldIntoTheLatest() {
        settler.report(1, RunState.PARKED, 0);
        settler.report(1, RunState.RUNNING, 30 * MS);
        settler.report(1, RunState.PARKED, 90 * MS);
        settler.drain(100 * MS, false);
        settler.drain(300 * MS, false);
        assertThat(batches).containsExactly(Map.of(1L, RunState.PARKED));
    }

    @Test
    void everyRunThatSettledGoesOutInOneBatchInTheOrderItChanged() {
        settler.report(2, RunState.PARKED, 0);
        settler.report(1, RunState.PARKED, 10 * MS);
        settler.report(3, RunState.PARKED, 150 * MS);
        settler.drain(200 * MS, false);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).keySet()).containsExactly(2L, 1L);
        settler.drain(250 * MS, false);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).isEqualTo(Map.of(3L, RunState.PARKED));
    }

    @Test
    void aChangeAfterAWriteSettlesAgain() {
        settler.report(1, RunState.PARKED, 0);
        settler.drain(100 * MS, false);
        settler.report(1, RunState.RUNNING, 120 * MS);
        settler.drain(200 * MS, false);
        settler.drain(220 * MS, false);
        assertThat(batches).containsExactly(Map.of(1L, RunState.PARKED), Map.of(1L, RunState.RUNNING));
    }

    @Test
    void aTerminalStateSupersedesAnUnwrittenChange() {
        settler.report(1, RunState.PARKED, 0);
        settler.report(2, RunState.PARKED, 0);
        settler.discard(1);
        settler.drain(100 * MS, false);
        assertThat(batches).containsExactly(Map.of(2L, RunState.PARKED));
    }

    @Test
    void discardWaitsForTheDrainThatIsWriting() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        RunStateSettler slow = new RunStateSettler(Duration.ZERO, latest -> {
            writing.countDown();
            await(release);
            order.add("written " + latest);
        });
        slow.report(1, RunState.PARKED, 0);
        Thread drain = new Thread(() -> slow.drain(0, false));
        drain.start();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        Thread terminal = new Thread(() -> {
            slow.discard(1);
            order.add("terminal");
        });
        terminal.start();
        Thread.sleep(100);
        assertThat(order).isEmpty();
        release.countDown();
        drain.join(5000);
        terminal.join(5000);
        assertThat(order).containsExactly("written {1=PARKED}", "terminal");
    }

    @Test
    void stopWritesWhatHasNotSettledYet() {
        settler.start();
        settler.report(1, RunState.PARKED);
        settler.stop();
        assertThat(batches).containsExactly(Map.of(1L, RunState.PARKED));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLongBacklogGoesOutInBoundedBatches() {
        for (long run = 1; run <= RunStateSettler.MAX_BATCH + 1; run++) {
            settler.report(run, RunState.PARKED, 0);
        }
        settler.drain(100 * MS, false);
        assertThat(batches).extracting(Map::size).containsExactly(RunStateSettler.MAX_BATCH, 1);
    }

    @Test
    void aBatchThatCouldNotBeWrittenIsTriedAgainUnlessTheRunChangedMeanwhile() {
        List<Map<Long, RunState>> written = new ArrayList<>();
        boolean[] failNext = {true};
        RunStateSettler[] self = new RunStateSettler[1];
        RunStateSettler flaky = new RunStateSettler(Duration.ofMillis(100), latest -> {
            if (failNext[0]) {
                failNext[0] = false;
                self[0].report(2, RunState.RUNNING, 150 * MS);
                throw new IllegalStateException("database away");
            }
            written.add(Map.copyOf(latest));
        });
        self[0] = flaky;
        flaky.report(1, RunState.PARKED, 0);
        flaky.report(2, RunState.PARKED, 0);
        assertThatThrownBy(() -> flaky.drain(100 * MS, false)).hasMessage("database away");
        flaky.drain(100 * MS, false);
        assertThat(written).containsExactly(Map.of(1L, RunState.PARKED));
        flaky.drain(250 * MS, false);
        assertThat(written).containsExactly(Map.of(1L, RunState.PARKED), Map.of(2L, RunState.RUNNING));
    }
}
