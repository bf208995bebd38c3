package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.RunLogLine;
import io.robofarm.orchestrator.support.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes run log lines from VM threads without ever blocking them and stores them in batches.
 *
 * <p>{@link #append} numbers the line, puts it in a bounded in-memory buffer and publishes it on the
 * live bus; one flusher thread drains the buffer every {@code robofarm.logs.flush-interval} (sooner
 * when a batch is full) and inserts the lines with JDBC batches. A VM that prints thousands of lines
 * a second pays one queue offer per line.
 *
 * <p>Overflow: when the buffer is full the database is behind, and the line is dropped rather than
 * making the VM wait. The run's next line that fits is preceded by a {@code WARN} line saying how
 * many were dropped, so its stored log shows the gap where it happened; sequence numbers stay dense.
 */
@Component
public class RunLogWriter extends BackgroundWorker {
    /** Longest stored line; longer ones are cut and marked. */
    static final int MAX_LINE = 4000;
    private static final String CUT_MARK = " …(line cut)";
    /** Stops after the farm (which writes the last lines of its runs) and before the database closes. */
    public static final int PHASE = Integer.MAX_VALUE - 200;

    private static final Logger log = LoggerFactory.getLogger(RunLogWriter.class);

    /** Per run: the last sequence number given and the lines dropped since the last one stored. */
    private static final class RunCounter {
        final AtomicLong seq;
        final AtomicLong dropped = new AtomicLong();

        RunCounter(long lastSeq) {
            seq = new AtomicLong(lastSeq);
        }
    }

    private final RunLogStore store;
    private final LiveEventBus bus;
    private final BlockingQueue<RunLogLine> buffer;
    private final int batchSize;
    private final long flushNanos;
    private final ConcurrentHashMap<Long, RunCounter> counters = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> flushWaiters = new ConcurrentLinkedQueue<>();
    private final AtomicLong droppedTotal = new AtomicLong();

    public RunLogWriter(RunLogStore store, LiveEventBus bus,
                        @Value("${robofarm.logs.buffer-lines:100000}") int bufferLines,
                        @Value("${robofarm.logs.batch-size:1000}") int batchSize,
                        @Value("${robofarm.logs.flush-interval:100ms}") Duration flushInterval) {
        super("run-log-writer", PHASE);
        this.store = store;
        this.bus = bus;
        this.buffer = new ArrayBlockingQueue<>(bufferLines);
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
    }

    /** Starts numbering the lines of a new run at 1. */
    public void open(long runId) {
        counters.put(runId, new RunCounter(0));
    }

    /**
     * Numbers, buffers and publishes one line of run {@code runId}; returns false when it was dropped
     * because the buffer is full. Never blocks.
     */
    public boolean append(long runId, Instant at, String level, String line) {
        RunCounter counter = counters.computeIfAbsent(runId, id -> new RunCounter(store.lastSeq(id)));
        long dropped = counter.dropped.get();
        if (dropped > 0) {
            if (!offer(runId, counter, at, "WARN", dropped + " log lines dropped: the log writer was behind")) {
                return drop(counter);
            }
            counter.dropped.addAndGet(-dropped);
        }
        return offer(runId, counter, at, level, line) || drop(counter);
    }

    private boolean offer(long runId, RunCounter counter, Instant at, String level, String line) {
        String text = line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - CUT_MARK.length()) + CUT_MARK;
        RunLogLine entry;
        // Numbering and enqueueing under the counter's lock keep a run's lines in sequence order in the buffer.
        synchronized (counter) {
            entry = new RunLogLine(runId, counter.seq.get() + 1, at, level, text);
            if (!buffer.offer(entry)) {
                return false;
            }
            counter.seq.incrementAndGet();
        }
        if (buffer.size() >= batchSize) {
            wakeUp();
        }
        bus.publish(entry);
        return true;
    }

    private boolean drop(RunCounter counter) {
        counter.dropped.incrementAndGet();
        droppedTotal.incrementAndGet();
        return false;
    }

    /**
     * Forgets run {@code runId} once it has ended; a pending "lines dropped" note is written first,
     * waiting a little for room since this is the run's last chance to say so.
     */
    public void close(long runId) {
        RunCounter counter = counters.remove(runId);
        long dropped = counter == null ? 0 : counter.dropped.get();
        if (dropped == 0) {
            return;
        }
        RunLogLine note;
        synchronized (counter) {
            note = new RunLogLine(runId, counter.seq.incrementAndGet(), Instant.now(), "WARN",
                    dropped + " log lines dropped: the log writer was behind");
        }
        try {
            if (buffer.offer(note, 1, TimeUnit.SECONDS)) {
                bus.publish(note);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes once every line appended before this call is stored (or its batch failed and was logged). */
    public CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        flushWaiters.add(done);
        wakeUp();
        return done;
    }

    /** Lines dropped since start because the buffer was full. */
    public long droppedLines() {
        return droppedTotal.get();
    }

    @Override
    protected void work() {
        List<RunLogLine> batch = new ArrayList<>(batchSize);
        while (isRunning() || !buffer.isEmpty() || !flushWaiters.isEmpty()) {
            if (buffer.size() < batchSize && flushWaiters.isEmpty() && isRunning()) {
                LockSupport.parkNanos(flushNanos);
            }
            flushOnce(batch);
        }
    }

    private void flushOnce(List<RunLogLine> batch) {
        // Waiters taken before draining: every line appended before they registered is drained below.
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (CompletableFuture<Void> w; (w = flushWaiters.poll()) != null; ) {
            waiters.add(w);
        }
        while (buffer.drainTo(batch, batchSize) > 0) {
            try {
                store.insert(batch);
            } catch (RuntimeException e) {
                log.error("Could not store {} run log lines", batch.size(), e);
            }
            batch.clear();
        }
        waiters.forEach(w -> w.complete(null));
    }
}
