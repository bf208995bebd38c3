package io.robofarm.orchestrator.live;

/**
 * Something the dashboard wants to see as it happens. Each kind is a small record; its
 * {@link #type()} is the SSE event name and {@link #runId()} lets a client follow one run.
 */
public sealed interface LiveEvent permits RunStateChanged, RunLogLine, VmStats {
    /** The SSE event name, e.g. {@code run-state}. */
    String type();

    /** The run the event is about. */
    long runId();
}
