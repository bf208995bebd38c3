package io.robofarm.orchestrator.task;

/** Published after a task was deleted, so schedules and queues that name it can let go of it. */
public record TaskDeleted(long taskId, String name) {
}
