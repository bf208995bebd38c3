package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.InvalidInputException;
import io.robofarm.vm.code.Prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One task version ready to run: its compiled script (shared by every run of the version) and
 * everything the farm needs to start, limit, retry and parameterize a run of it.
 */
public record RunnableTask(
        long taskId,
        String taskName,
        long versionId,
        int versionNumber,
        String source,
        Prototype prototype,
        TaskLimits limits,
        OverlapPolicy overlapPolicy,
        RetryPolicy retry,
        List<TaskParameter> parameters,
        List<String> modules) {

    /**
     * The parameters a run gets: each declared one from {@code given} or else its default, converted
     * to its type ({@code String}, {@code Long}, {@code Double} or {@code Boolean}).
     *
     * @throws InvalidInputException naming the parameter, when one is unknown, missing or of the wrong type
     */
    public Map<String, Object> resolveParameters(Map<String, ?> given) {
        Map<String, ?> values = given == null ? Map.of() : given;
        Set<String> unknown = new TreeSet<>(values.keySet());
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (TaskParameter p : parameters) {
            unknown.remove(p.name());
            Object value = values.get(p.name());
            if (value == null && p.defaultValue() == null) {
                throw new InvalidInputException("Parameter '" + p.name() + "' is required");
            }
            resolved.put(p.name(), ParameterValues.convert(p, value == null ? p.defaultValue() : value));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Task '" + taskName + "' has no parameter " + unknown
                    + "; it declares " + parameters.stream().map(TaskParameter::name).toList());
        }
        return resolved;
    }
}
