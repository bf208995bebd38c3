package io.robofarm.orchestrator.task;

/** Published when a task was created or saved as a new version, so caches of its latest version let go of it. */
public record TaskSaved(long taskId, int version) {
}
