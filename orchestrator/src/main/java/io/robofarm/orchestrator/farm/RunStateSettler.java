package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Folds the RUNNING⇄PARKED changes of live runs before they are persisted. A robot that sleeps
 * between small batches of work parks and wakes several times a second; persisting each change one at
 * a time queued millions of writes at 10,000 VMs. Here a run's change waits {@code settling} (from its
 * first unwritten change); changes within that window fold into one, so only the latest state is
 * persisted and then published, and all changes that are due are written in one batch per drain.
 *
 * <p>This is a deliberate deviation from "every transition is persisted": a park (or a wake-up)
 * shorter than the settling time is not persisted on its own, and the run's row (and the live
 * stream's {@code run-state} events) lag its VM by up to the settling time. Terminal states do not pass
 * through here: {@link #discard} drops a run's unwritten change and waits for a drain in progress, so
 * the terminal write that follows is never overtaken by a stale RUNNING or PARKED.
 */
final class RunStateSettler {
    /** Where the folded changes go: one call per drain, latest state by run id, in the order they came due. */
    interface Store {
        void persist(Map<Long, RunState> latest);
    }

    private static final Logger log = LoggerFactory.getLogger(RunStateSettler.class);
    /** Most runs written in one transaction: a long backlog goes out in bounded batches. */
    static final int MAX_BATCH = 500;

    private final long settlingNanos;
    private final Store store;
    /** Unwritten changes by run id, oldest first; guarded by itself. */
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    /** Held while a drain writes, so {@link #discard} can wait for it. */
    private final ReentrantLock writing = new ReentrantLock();
    private ScheduledExecutorService timer;

    private record Pending(long dueNanos, RunState state) {
    }

    RunStateSettler(Duration settling, Store store) {
        this.settlingNanos = settling.toNanos();
        this.store = store;
    }

    /** Records that run {@code runId} is now in {@code state}; cheap, never waits for the database. */
    void report(long runId, RunState state, long nowNanos) {
        synchronized (pending) {
            Pending before = pending.get(runId);
            pending.put(runId, new Pending(before == null ? nowNanos + settlingNanos : before.dueNanos(), state));
        }
    }

    void report(long runId, RunState state) {
        report(runId, state, System.nanoTime());
    }

    /**
     * Forgets run {@code runId}'s unwritten change because a terminal state supersedes it, after any
     * drain in progress has written and published.
     */
    void discard(long runId) {
        synchronized (pending) {
            pending.remove(runId);
        }
        writing.lock();
        writing.unlock();
    }

    /**
     * Writes the changes that have settled by {@code nowNanos} (all of them when {@code everything}),
     * at most {@link #MAX_BATCH} runs per transaction. A batch that cannot be written goes back to
     * the unwritten changes (behind any newer change of the same run) and the error is rethrown.
     */
    void drain(long nowNanos, boolean everything) {
        writing.lock();
        try {
            Map<Long, RunState> due;
            do {
                due = takeDue(nowNanos, everything);
                if (due.isEmpty()) {
                    return;
                }
                try {
                    store.persist(due);
                } catch (RuntimeException e) {
                    putBack(due, nowNanos);
                    throw e;
                }
            } while (due.size() == MAX_BATCH);
        } finally {
            writing.unlock();
        }
    }

    private Map<Long, RunState> takeDue(long nowNanos, boolean everything) {
        Map<Long, RunState> due = new LinkedHashMap<>();
        synchronized (pending) {
            for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext() && due.size() < MAX_BATCH; ) {
                Map.Entry<Long, Pending> entry = it.next();
                // Entries are in the order of their first change, so also of their due times.
                if (!everything && entry.getValue().dueNanos() - nowNanos > 0) {
                    break;
                }
                due.put(entry.getKey(), entry.getValue().state());
                it.remove();
            }
        }
        return due;
    }

    /** Puts unwritten changes back in front, due at once, except for runs that changed again meanwhile. */
    private void putBack(Map<Long, RunState> unwritten, long nowNanos) {
        synchronized (pending) {
            Map<Long, Pending> newer = new LinkedHashMap<>(pending);
            pending.clear();
            unwritten.forEach((runId, state) -> {
                if (!newer.containsKey(runId)) {
                    pending.put(runId, new Pending(nowNanos, state));
                }
            });
            pending.putAll(newer);
        }
    }

    /** Drains every fifth of the settling time (at least every 10 ms) on a thread of its own. */
    synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-state-settler");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(10), settlingNanos / 5);
        timer.scheduleWithFixedDelay(this::drainSafely, every, every, TimeUnit.NANOSECONDS);
    }

    /** Stops draining and writes what is still unwritten. */
    synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drain(System.nanoTime(), true);
    }

    private void drainSafely() {
        try {
            drain(System.nanoTime(), false);
        } catch (RuntimeException e) {
            log.error("Could not persist settled run states; they are tried again with the next drain", e);
        }
    }
}
