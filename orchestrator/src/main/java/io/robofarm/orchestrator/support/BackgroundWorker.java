package io.robofarm.orchestrator.support;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that works in the background for as long as the application context runs, in a
 * given lifecycle phase: the farm's writers, which take work from VM threads and store it in batches.
 *
 * <p>{@link #work} runs on the thread; it should loop while {@link #isRunning()} and then store what
 * is left. {@link #stop()} clears the running flag, unparks the thread and waits up to 10 s for it.
 * The worker keeps going while a test pauses an idle context, since the farm's VMs still need it.
 */
public abstract class BackgroundWorker implements SmartLifecycle {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String threadName;
    private final int phase;
    private volatile boolean running;
    private volatile Thread thread;

    protected BackgroundWorker(String threadName, int phase) {
        this.threadName = threadName;
        this.phase = phase;
    }

    /** The thread's work: loops while {@link #isRunning()}, then finishes what was handed over. */
    protected abstract void work();

    /** Wakes the thread if it is parked in {@link LockSupport#parkNanos}. */
    protected final void wakeUp() {
        LockSupport.unpark(thread);
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::work, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        Threads.awaitEnd(t, STOP_WAIT);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    @Override
    public boolean isPauseable() {
        return false;
    }
}
