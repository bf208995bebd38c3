package io.robofarm.orchestrator.task;

import java.time.Instant;
import java.util.List;

/** The JSON shapes the task API answers with, also returned by {@link TaskService}. */
public final class TaskViews {
    private TaskViews() {
    }

    /** A task in a list: its latest version without the script. */
    public record TaskSummary(long id, String name, int version, String description, OverlapPolicy overlapPolicy,
                       List<String> modules, Instant createdAt, Instant updatedAt) {
        static TaskSummary of(Task task, TaskVersion latest) {
            return new TaskSummary(task.getId(), task.getName(), task.getLatestVersion(), latest.getDescription(),
                    latest.getOverlapPolicy(), latest.getModules(), task.getCreatedAt(), task.getUpdatedAt());
        }
    }

    /** One version in full, which for the latest version is the task itself. */
    public record TaskVersionView(long id, String name, int version, long versionId, String description, String source,
                           List<TaskParameter> parameters, TaskLimits limits, OverlapPolicy overlapPolicy,
                           RetryPolicy retry, List<String> modules, Instant savedAt, String savedBy) {
        static TaskVersionView of(TaskVersion v) {
            return new TaskVersionView(v.getTaskId(), v.getName(), v.getNumber(), v.getId(), v.getDescription(),
                    v.getSource(), v.getParameters(), v.getLimits(), v.getOverlapPolicy(), v.getRetry(), v.getModules(),
                    v.getCreatedAt(), v.getCreatedBy());
        }
    }

    /** A version in the history list. */
    public record VersionSummary(int version, long versionId, String name, Instant savedAt, String savedBy) {
        static VersionSummary of(TaskVersion v) {
            return new VersionSummary(v.getNumber(), v.getId(), v.getName(), v.getCreatedAt(), v.getCreatedBy());
        }
    }

    /** The result of checking a script without saving it. */
    public record CheckResult(boolean valid, List<ScriptError> errors) {
    }

    /** A compile error at a place in the script. */
    public record ScriptError(String message, int line, int column) {
    }
}
