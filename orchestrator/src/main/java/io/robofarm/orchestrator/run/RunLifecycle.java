package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.RunStateChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The only way a run is created or changes state. Each change runs in its own transaction on the
 * locked run row, is checked against {@link RunTransitions}, and is published on the live bus only
 * after it committed: a client never sees a state the database does not have.
 */
@Service
public class RunLifecycle {
    private final RunRepository runs;
    private final LiveEventBus bus;
    private final TransactionTemplate ownTransaction;

    public RunLifecycle(RunRepository runs, LiveEventBus bus, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.bus = bus;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores a new QUEUED run and announces it. */
    public Run enqueue(Run run) {
        Run saved = ownTransaction.execute(tx -> runs.save(run));
        publish(saved, null);
        return saved;
    }

    /** Stores new QUEUED runs in one transaction and announces each once all are committed. */
    public List<Run> enqueueAll(List<Run> queued) {
        List<Run> saved = ownTransaction.execute(tx -> runs.saveAll(queued));
        saved.forEach(run -> publish(run, null));
        return saved;
    }

    /**
     * Moves run {@code runId} to {@code to}, applying {@code changes} (results, error, usage) in the
     * same transaction.
     *
     * @throws RunNotFoundException          when there is no such run
     * @throws IllegalRunTransitionException when the run's state does not allow the move
     */
    public Run moveTo(long runId, RunState to, Consumer<Run> changes) {
        RunState[] from = new RunState[1];
        Run moved = ownTransaction.execute(tx -> {
            Run run = runs.lockById(runId).orElseThrow(() -> new RunNotFoundException(runId));
            from[0] = run.getState();
            run.moveTo(to, Instant.now());
            changes.accept(run);
            return run;
        });
        publish(moved, from[0]);
        return moved;
    }

    /** Like {@link #moveTo} but returns empty instead of failing when the run is gone or the move is not allowed. */
    public Optional<Run> tryMoveTo(long runId, RunState to, Consumer<Run> changes) {
        try {
            return Optional.of(moveTo(runId, to, changes));
        } catch (RunNotFoundException | IllegalRunTransitionException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves those of {@code runIds} that are still QUEUED to RUNNING in one transaction (a dispatch
     * round claims many runs; one commit for all of them instead of one each) and announces each;
     * returns the ids it claimed. Runs cancelled or gone meanwhile are left out.
     */
    public Set<Long> claim(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return Set.of();
        }
        List<Run> claimed = ownTransaction.execute(tx -> {
            Instant now = Instant.now();
            List<Run> moved = new ArrayList<>(runIds.size());
            for (Run run : runs.lockAllById(runIds)) {
                if (run.getState() == RunState.QUEUED) {
                    run.moveTo(RunState.RUNNING, now);
                    moved.add(run);
                }
            }
            return moved;
        });
        Set<Long> ids = new HashSet<>();
        for (Run run : claimed) {
            publish(run, RunState.QUEUED);
            ids.add(run.getId());
        }
        return ids;
    }

    /**
     * One state change of a batch: run {@code runId} goes {@code to}, applying {@code changes} in the
     * same transaction; when {@code retryAfter} is set, a new attempt of the run is queued in that
     * transaction too, to start after it, so a crash cannot store the failure and lose the retry.
     */
    public record Move(long runId, RunState to, Consumer<Run> changes, Duration retryAfter) {
        public Move(long runId, RunState to, Consumer<Run> changes) {
            this(runId, to, changes, null);
        }
    }

    /** A run that {@link #moveAll} moved, and the next attempt it queued with it (null when none). */
    public record Moved(Run run, Run nextAttempt) {
    }

    /**
     * Applies {@code moves} in one transaction (a round of ended runs: one commit for all of them
     * instead of one each) and announces each after the commit. A move whose run is gone or whose
     * state does not allow it is left out; returns the runs moved, by id.
     */
    public Map<Long, Moved> moveAll(List<Move> moves) {
        if (moves.isEmpty()) {
            return Map.of();
        }
        Map<Long, RunState> from = new HashMap<>();
        Map<Long, Moved> moved = ownTransaction.execute(tx -> {
            Map<Long, Run> locked = new HashMap<>();
            for (Run run : runs.lockAllById(moves.stream().map(Move::runId).toList())) {
                locked.put(run.getId(), run);
            }
            Instant now = Instant.now();
            Map<Long, Moved> done = new LinkedHashMap<>();
            for (Move move : moves) {
                Run run = locked.get(move.runId());
                if (run != null && RunTransitions.isAllowed(run.getState(), move.to())) {
                    from.put(run.getId(), run.getState());
                    run.moveTo(move.to(), now);
                    move.changes().accept(run);
                    Run next = move.retryAfter() == null ? null : runs.save(run.retry(now, move.retryAfter()));
                    done.put(run.getId(), new Moved(run, next));
                }
            }
            return done;
        });
        for (Moved done : moved.values()) {
            publish(done.run(), from.get(done.run().getId()));
            if (done.nextAttempt() != null) {
                publish(done.nextAttempt(), null);
            }
        }
        return moved;
    }

    /**
     * Moves each run of {@code latest} to its RUNNING or PARKED state in one transaction and announces
     * the moves after the commit. A run already in that state, or whose state no longer allows the move
     * (it ended meanwhile), is left as it is.
     */
    public void settle(Map<Long, RunState> latest) {
        Map<Run, RunState> moved = ownTransaction.execute(tx -> {
            Instant now = Instant.now();
            Map<Run, RunState> from = new LinkedHashMap<>();
            for (Run run : runs.lockAllById(latest.keySet())) {
                RunState to = latest.get(run.getId());
                RunState before = run.getState();
                if (before != to && RunTransitions.isAllowed(before, to)) {
                    run.moveTo(to, now);
                    from.put(run, before);
                }
            }
            return from;
        });
        moved.forEach(this::publish);
    }

    /**
     * Fails run {@code runId} with {@code reason} and queues a new attempt of it, to start after
     * {@code backoff}, in the same transaction; returns the new attempt.
     */
    public Run failAndRetry(long runId, String reason, Duration backoff) {
        RunState[] from = new RunState[1];
        Run[] failedAndNext = ownTransaction.execute(tx -> {
            Run run = runs.lockById(runId).orElseThrow(() -> new RunNotFoundException(runId));
            from[0] = run.getState();
            run.moveTo(RunState.FAILED, Instant.now());
            run.recordError(reason, null, null);
            return new Run[] {run, runs.save(run.retry(Instant.now(), backoff))};
        });
        publish(failedAndNext[0], from[0]);
        publish(failedAndNext[1], null);
        return failedAndNext[1];
    }

    private void publish(Run run, RunState from) {
        bus.publish(new RunStateChanged(run.getId(), run.getTaskId(), run.getTaskName(),
                from == null ? null : from.name(), run.getState().name(), Instant.now()));
    }
}
