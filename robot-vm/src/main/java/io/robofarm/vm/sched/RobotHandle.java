package io.robofarm.vm.sched;

import io.robofarm.vm.interp.StackFrameInfo;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The host's grip on one submitted robot: observe it, cancel it, learn how it ended. Thread-safe. */
public interface RobotHandle {
    /** Unique within its scheduler, in submission order. */
    long id();

    /** Its state and counters now, read without stopping it. */
    VmStats stats();

    /**
     * Its call stack: taken at once when it is not running, else at its next fuel slice end. A
     * finished robot has an empty stack.
     */
    CompletableFuture<List<StackFrameInfo>> stack();

    /**
     * Ends the robot with {@link Outcome.Kind#CANCELLED} wherever it is: at once when queued or
     * parked, at its next fuel slice end when running. No Lua code runs on the way out.
     *
     * @return false when it had already finished
     */
    boolean cancel();

    /** Completes when the robot has finished. */
    CompletableFuture<Outcome> outcome();
}
