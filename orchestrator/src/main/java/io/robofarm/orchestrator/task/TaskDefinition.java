package io.robofarm.orchestrator.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a client sends to create or change a task, and what a version holds. Optional parts may be
 * left out: {@link #withDefaults()} fills them in before the task is saved.
 */
public record TaskDefinition(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*",
                message = "must start with a letter or digit and hold only letters, digits, '_', '.' and '-'") String name,
        @Size(max = 2000) String description,
        @NotNull @Size(max = 262_144, message = "must be at most 256 KiB") String source,
        @Size(max = 50) List<@Valid @NotNull TaskParameter> parameters,
        @Valid TaskLimits limits,
        OverlapPolicy overlapPolicy,
        @Valid RetryPolicy retry,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a module name such as 'log'") String> modules) {

    /** The same definition with the optional parts filled in: no parameters, default limits, SKIP, no retries, no modules. */
    public TaskDefinition withDefaults() {
        return new TaskDefinition(
                name,
                description == null ? "" : description,
                source,
                parameters == null ? List.of() : parameters.stream()
                        .map(p -> new TaskParameter(p.name(), p.type(), p.defaultValue(), p.description() == null ? "" : p.description()))
                        .toList(),
                limits == null ? TaskLimits.defaults() : limits,
                overlapPolicy == null ? OverlapPolicy.SKIP : overlapPolicy,
                retry == null ? RetryPolicy.none() : retry,
                modules == null ? List.of() : List.copyOf(modules));
    }

    static TaskDefinition of(TaskVersion version) {
        return new TaskDefinition(version.getName(), version.getDescription(), version.getSource(), version.getParameters(),
                version.getLimits(), version.getOverlapPolicy(), version.getRetry(), version.getModules());
    }
}
