package io.robofarm.vm.sched;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The robots waiting for a worker, round robin. Robots woken from a park go before robots that
 * were preempted or just submitted, so a sleeper wakes on time however many CPU-bound robots
 * queue; to keep those from starving, at most {@link #WOKEN_PER_PREEMPTED} woken robots are
 * taken in a row while preempted ones wait.
 */
final class RunQueue {
    static final int WOKEN_PER_PREEMPTED = 16;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Robot> woken = new ArrayDeque<>();
    private final ArrayDeque<Robot> preempted = new ArrayDeque<>();
    private int wokenInARow;
    private boolean closed;

    /** Queues {@code robot}: ahead of the preempted robots when it was just woken from a park. */
    void put(Robot robot, boolean wokenFromPark) {
        lock.lock();
        try {
            (wokenFromPark ? woken : preempted).addLast(robot);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next robot to run, waiting for one; null once closed and empty. */
    Robot take() throws InterruptedException {
        lock.lock();
        try {
            while (woken.isEmpty() && preempted.isEmpty()) {
                if (closed) {
                    return null;
                }
                notEmpty.await();
            }
            if (!woken.isEmpty() && (preempted.isEmpty() || wokenInARow < WOKEN_PER_PREEMPTED)) {
                wokenInARow++;
                return woken.pollFirst();
            }
            wokenInARow = 0;
            return preempted.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Lets {@link #take} return null once the queue is empty. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
