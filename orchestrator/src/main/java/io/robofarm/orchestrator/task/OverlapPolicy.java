package io.robofarm.orchestrator.task;

/** What a trigger does when it fires while a run of the same task is still active. */
public enum OverlapPolicy {
    /** Drop the new run. */
    SKIP,
    /** Queue the new run until the active one ends. */
    QUEUE,
    /** Start it alongside, up to the task's {@code maxConcurrentRuns}. */
    PARALLEL
}
