package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a run's parameters are resolved against what the task declares. */
class RunnableTaskTest {
    private final RunnableTask task = new RunnableTask(1, "report", 10, 1, "return 1", null, TaskLimits.defaults(),
            OverlapPolicy.SKIP, RetryPolicy.none(), List.of(
                    new TaskParameter("who", ParameterType.STRING, "world", ""),
                    new TaskParameter("count", ParameterType.INTEGER, "3", ""),
                    new TaskParameter("ratio", ParameterType.NUMBER, "0.5", ""),
                    new TaskParameter("dryRun", ParameterType.BOOLEAN, "false", ""),
                    new TaskParameter("target", ParameterType.STRING, null, "")),
            List.of());

    @Test
    void defaultsFillInWhatIsNotGivenAndValuesGetTheirTypes() {
        assertThat(task.resolveParameters(Map.of("target", "db", "count", 7, "dryRun", "true")))
                .containsExactly(Map.entry("who", "world"), Map.entry("count", 7L), Map.entry("ratio", 0.5),
                        Map.entry("dryRun", true), Map.entry("target", "db"));
    }

    @Test
    void aParameterWithoutDefaultIsRequired() {
        assertThatThrownBy(() -> task.resolveParameters(null))
                .isInstanceOf(InvalidInputException.class).hasMessage("Parameter 'target' is required");
    }

    @Test
    void valuesOfTheWrongTypeAndUnknownNamesAreRefused() {
        assertThatThrownBy(() -> task.resolveParameters(Map.of("target", "x", "count", 1.5)))
                .hasMessage("Parameter 'count' must be an integer, not '1.5'");
        assertThatThrownBy(() -> task.resolveParameters(Map.of("target", "x", "dryRun", "yes")))
                .hasMessage("Parameter 'dryRun' must be true or false, not 'yes'");
        assertThatThrownBy(() -> task.resolveParameters(Map.of("target", List.of())))
                .hasMessage("Parameter 'target' must be a string, not '[]'");
        assertThatThrownBy(() -> task.resolveParameters(Map.of("target", "x", "colour", "red")))
                .hasMessage("Task 'report' has no parameter [colour]; it declares [who, count, ratio, dryRun, target]");
    }
}
