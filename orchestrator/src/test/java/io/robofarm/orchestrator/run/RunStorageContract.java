package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.RunLogLine;
import io.robofarm.orchestrator.live.RunStateChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What run storage must do on every database the farm supports, against the real Flyway schema:
 * state changes committed before they are published, the dispatcher's queue order, retries, and log
 * lines stored in order in batches (with the overflow rule). One subclass per database.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({RunLifecycle.class, LiveEventBus.class, RunLogStore.class, RunLogWriter.class})
@TestPropertySource(properties = {"robofarm.logs.buffer-lines=50", "robofarm.logs.batch-size=20"})
abstract class RunStorageContract {
    @Autowired
    RunLifecycle lifecycle;
    @Autowired
    RunRepository runs;
    @Autowired
    RunLogWriter logWriter;
    @Autowired
    RunLogStore logStore;
    @Autowired
    LiveEventBus bus;
    @Autowired
    JdbcTemplate jdbc;

    long taskId;

    @BeforeEach
    void aTask() {
        String name = "task-" + System.nanoTime();
        jdbc.update("INSERT INTO tasks (name, live_name, latest_version, created_at, updated_at, row_version)"
                + " VALUES (?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", name, name);
        taskId = jdbc.queryForObject("SELECT id FROM tasks WHERE name = ?", Long.class, name);
    }

    private Run queue(int priority) {
        return lifecycle.enqueue(Run.queued(taskId, "demo", 1, RunTrigger.USER, "alice", null,
                "{\"n\":1}", priority, Instant.now()));
    }

    @Test
    void eachTransitionIsCommittedBeforeItIsPublished() {
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(new LiveEventBus.Subscriber() {
            @Override
            public void onEvent(LiveEventBus.Envelope envelope) {
                if (envelope.event() instanceof RunStateChanged change) {
                    // The database already says what the event says.
                    seen.add(change.to() + "/" + jdbc.queryForObject(
                            "SELECT state FROM runs WHERE id = ?", String.class, change.runId()));
                }
            }

            @Override
            public void onGap(long lastSeenId, long firstKeptId) {
            }
        }, null);
        Run run = queue(0);
        lifecycle.moveTo(run.getId(), RunState.RUNNING, r -> { });
        lifecycle.moveTo(run.getId(), RunState.SUCCEEDED, r -> {
            r.recordResults("[42]");
            r.recordUsage(1234L, 5678L);
        });

        assertThat(seen).containsExactly("QUEUED/QUEUED", "RUNNING/RUNNING", "SUCCEEDED/SUCCEEDED");
        Run stored = runs.findById(run.getId()).orElseThrow();
        assertThat(stored.getResults()).isEqualTo("[42]");
        assertThat(stored.getFuelUsed()).isEqualTo(1234L);
        assertThat(stored.getStartedAt()).isNotNull();
        assertThat(stored.getEndedAt()).isNotNull();
    }

    @Test
    void aForbiddenTransitionChangesNothing() {
        Run run = queue(0);
        lifecycle.moveTo(run.getId(), RunState.CANCELLED, r -> { });
        assertThatThrownBy(() -> lifecycle.moveTo(run.getId(), RunState.RUNNING, r -> { }))
                .isInstanceOf(IllegalRunTransitionException.class);
        assertThat(lifecycle.tryMoveTo(run.getId(), RunState.RUNNING, r -> { })).isEmpty();
        assertThat(runs.findById(run.getId()).orElseThrow().getState()).isEqualTo(RunState.CANCELLED);
        assertThatThrownBy(() -> lifecycle.moveTo(-1, RunState.RUNNING, r -> { }))
                .isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void aClaimMovesTheStillQueuedRunsToRunningInOneGo() {
        Run first = queue(0);
        Run cancelled = queue(0);
        Run second = queue(0);
        lifecycle.moveTo(cancelled.getId(), RunState.CANCELLED, r -> { });
        assertThat(lifecycle.claim(List.of(first.getId(), cancelled.getId(), second.getId(), -1L)))
                .containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(runs.findById(first.getId()).orElseThrow().getState()).isEqualTo(RunState.RUNNING);
        assertThat(runs.findById(second.getId()).orElseThrow().getStartedAt()).isNotNull();
        assertThat(runs.findById(cancelled.getId()).orElseThrow().getState()).isEqualTo(RunState.CANCELLED);
        assertThat(lifecycle.claim(List.of(first.getId()))).isEmpty();
    }

    @Test
    void aRoundOfEndedRunsIsStoredInOneGoAndEachIsPublishedCommitted() {
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(new LiveEventBus.Subscriber() {
            @Override
            public void onEvent(LiveEventBus.Envelope envelope) {
                if (envelope.event() instanceof RunStateChanged change && change.from() != null) {
                    seen.add(change.runId() + ":" + change.from() + ">" + change.to() + "/" + jdbc.queryForObject(
                            "SELECT state FROM runs WHERE id = ?", String.class, change.runId()));
                }
            }

            @Override
            public void onGap(long lastSeenId, long firstKeptId) {
            }
        }, null);
        List<Run> queued = lifecycle.enqueueAll(List.of(
                Run.queued(taskId, "demo", 1, RunTrigger.API, "alice", null, "{}", 0, Instant.now()),
                Run.queued(taskId, "demo", 1, RunTrigger.API, "alice", null, "{}", 0, Instant.now()),
                Run.queued(taskId, "demo", 1, RunTrigger.API, "alice", null, "{}", 0, Instant.now())));
        long ok = queued.get(0).getId();
        long failed = queued.get(1).getId();
        long stillQueued = queued.get(2).getId();
        lifecycle.claim(List.of(ok, failed));

        var moved = lifecycle.moveAll(List.of(
                new RunLifecycle.Move(ok, RunState.SUCCEEDED, r -> r.recordResults("[1]")),
                new RunLifecycle.Move(failed, RunState.FAILED, r -> r.recordError("boom", null, 2), Duration.ofSeconds(30)),
                new RunLifecycle.Move(stillQueued, RunState.SUCCEEDED, r -> r.recordResults("[3]")),
                new RunLifecycle.Move(-1, RunState.SUCCEEDED, r -> { })));

        assertThat(moved).containsOnlyKeys(ok, failed);
        assertThat(runs.findById(ok).orElseThrow().getResults()).isEqualTo("[1]");
        assertThat(runs.findById(ok).orElseThrow().getEndedAt()).isNotNull();
        assertThat(runs.findById(failed).orElseThrow().getErrorLine()).isEqualTo(2);
        Run retry = runs.findById(moved.get(failed).nextAttempt().getId()).orElseThrow();
        assertThat(retry.getState()).isEqualTo(RunState.QUEUED);
        assertThat(retry.getRetryOf()).isEqualTo(failed);
        assertThat(retry.getAttempt()).isEqualTo(2);
        assertThat(retry.getNotBefore()).isAfter(runs.findById(failed).orElseThrow().getEndedAt().plusSeconds(29));
        assertThat(moved.get(ok).nextAttempt()).isNull();
        // QUEUED to SUCCEEDED is not in the table: that run is left as it was.
        assertThat(runs.findById(stillQueued).orElseThrow().getState()).isEqualTo(RunState.QUEUED);
        assertThat(runs.findById(stillQueued).orElseThrow().getResults()).isNull();
        assertThat(seen).contains(ok + ":RUNNING>SUCCEEDED/SUCCEEDED", failed + ":RUNNING>FAILED/FAILED")
                .noneMatch(event -> event.startsWith(stillQueued + ":"));
    }

    @Test
    void aRetryFailsTheOldAttemptAndQueuesTheNext() {
        Run run = queue(3);
        lifecycle.moveTo(run.getId(), RunState.RUNNING, r -> { });
        Run next = lifecycle.failAndRetry(run.getId(), "node stopped", Duration.ofSeconds(30));
        assertThat(runs.findById(run.getId()).orElseThrow().getErrorMessage()).isEqualTo("node stopped");
        assertThat(next.getState()).isEqualTo(RunState.QUEUED);
        assertThat(next.getAttempt()).isEqualTo(2);
        assertThat(next.getRetryOf()).isEqualTo(run.getId());
        assertThat(next.getPriority()).isEqualTo(3);
        assertThat(next.getNotBefore()).isAfter(Instant.now().plusSeconds(20));
        // It waits out its backoff: not taken from the queue before then.
        assertThat(runs.queue(RunState.QUEUED,
                Instant.now(), org.springframework.data.domain.Limit.of(100))).extracting(Run::getId)
                .doesNotContain(next.getId());
        assertThat(runs.queue(RunState.QUEUED,
                Instant.now().plusSeconds(31), org.springframework.data.domain.Limit.of(100))).extracting(Run::getId)
                .contains(next.getId());
    }

    @Test
    void theQueueIsOrderedByPriorityThenAgeAndListsFilter() {
        Run low = queue(0);
        Run high = queue(5);
        Run lowLater = queue(0);
        assertThat(runs.queue(RunState.QUEUED,
                Instant.now(), org.springframework.data.domain.Limit.of(10)))
                .extracting(Run::getId).containsSubsequence(high.getId(), low.getId(), lowLater.getId());
        assertThat(runs.search(taskId, RunState.QUEUED, PageRequest.of(0, 2, Sort.by("id").descending())))
                .extracting(Run::getId).containsExactly(lowLater.getId(), high.getId());
        assertThat(runs.search(taskId, null, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(3);
        assertThat(runs.search(null, RunState.QUEUED, PageRequest.of(0, 3, Sort.by("id").descending())))
                .extracting(Run::getId).containsExactly(lowLater.getId(), high.getId(), low.getId());
        assertThat(runs.search(null, null, PageRequest.of(0, 1, Sort.by("id").descending())))
                .extracting(Run::getId).containsExactly(lowLater.getId());
    }

    @Test
    void logLinesAreStoredInOrderAndReadAfterASequenceNumber() throws Exception {
        Run run = queue(0);
        logWriter.open(run.getId());
        for (int i = 1; i <= 30; i++) {
            assertThat(logWriter.append(run.getId(), Instant.now(), "INFO", "line " + i)).isTrue();
        }
        logWriter.flushed().get(5, TimeUnit.SECONDS);
        List<RunLogLine> page = logStore.after(run.getId(), 10, 5);
        assertThat(page).extracting(RunLogLine::seq).containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(page).extracting(RunLogLine::line).startsWith("line 11");
        assertThat(logStore.lastSeq(run.getId())).isEqualTo(30);
    }

    @Test
    void aLongLineIsCut() throws Exception {
        Run run = queue(0);
        logWriter.open(run.getId());
        logWriter.append(run.getId(), Instant.now(), "INFO", "x".repeat(10_000));
        logWriter.flushed().get(5, TimeUnit.SECONDS);
        String stored = logStore.after(run.getId(), 0, 1).get(0).line();
        assertThat(stored.length()).isEqualTo(RunLogWriter.MAX_LINE);
        assertThat(stored.endsWith("(line cut)")).isTrue();
    }

    @Test
    void whenTheBufferIsFullLinesAreDroppedAndTheGapIsLogged() throws Exception {
        Run run = queue(0);
        logWriter.open(run.getId());
        logWriter.stop();
        int accepted = 0;
        try {
            for (int i = 0; i < 60; i++) {
                accepted += logWriter.append(run.getId(), Instant.now(), "INFO", "line") ? 1 : 0;
            }
        } finally {
            logWriter.start();
        }
        assertThat(accepted).isEqualTo(50);
        logWriter.flushed().get(5, TimeUnit.SECONDS);
        assertThat(logWriter.append(run.getId(), Instant.now(), "INFO", "after the gap")).isTrue();
        logWriter.flushed().get(5, TimeUnit.SECONDS);
        assertThat(logStore.after(run.getId(), 50, 10)).extracting(RunLogLine::line)
                .containsExactly("10 log lines dropped: the log writer was behind", "after the gap");
    }
}
