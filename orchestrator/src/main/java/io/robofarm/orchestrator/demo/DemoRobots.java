package io.robofarm.orchestrator.demo;

import io.robofarm.orchestrator.task.OverlapPolicy;
import io.robofarm.orchestrator.task.ParameterType;
import io.robofarm.orchestrator.task.RetryPolicy;
import io.robofarm.orchestrator.task.TaskDefinition;
import io.robofarm.orchestrator.task.TaskLimits;
import io.robofarm.orchestrator.task.TaskParameter;
import io.robofarm.orchestrator.task.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seeds four demo robots into a farm that never had a task, so a fresh start has something to
 * run and watch: {@code hello}, {@code csv-totals}, {@code slow-progress} and {@code always-fails}
 * (scripts in {@code demo/*.lua}). Off with {@code robofarm.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "robofarm.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoRobots implements SmartInitializingSingleton {
    static final List<String> NAMES = List.of("hello", "csv-totals", "slow-progress", "always-fails");

    private static final Logger log = LoggerFactory.getLogger(DemoRobots.class);
    private static final String SAMPLE_CSV = """
            region,product,quantity,unit_price
            North,Widget,120,2.50
            South,Widget,80,2.50
            North,Gadget,15,19.90
            East,Gizmo,7,149.00
            South,Gadget,22,19.90
            West,Widget,60,2.50
            East,Widget,35,2.50
            West,Gizmo,3,149.00
            """;

    private final TaskService tasks;

    DemoRobots(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (tasks.anyTaskExists()) {
            return;
        }
        definitions().forEach(tasks::create);
        log.info("Created the demo robots {}", NAMES);
    }

    static List<TaskDefinition> definitions() {
        TaskLimits small = new TaskLimits(8L << 20, 100_000_000L, 30, 4);
        return List.of(
                new TaskDefinition("hello", "Greets someone: the smallest robot.", script("hello"),
                        List.of(new TaskParameter("who", ParameterType.STRING, "world", "Who to greet")),
                        small, OverlapPolicy.PARALLEL, RetryPolicy.none(), List.of()),
                new TaskDefinition("csv-totals", "Adds up revenue per region from a CSV text.", script("csv-totals"),
                        List.of(new TaskParameter("csv", ParameterType.STRING, SAMPLE_CSV,
                                "CSV with a header line: region,product,quantity,unit_price")),
                        small, OverlapPolicy.QUEUE, RetryPolicy.none(), List.of()),
                new TaskDefinition("slow-progress", "Works for a while and reports each step.", script("slow-progress"),
                        List.of(new TaskParameter("steps", ParameterType.INTEGER, "5", "How many steps"),
                                new TaskParameter("stepSeconds", ParameterType.NUMBER, "1", "Seconds per step")),
                        new TaskLimits(8L << 20, 100_000_000L, 120, 2), OverlapPolicy.SKIP, RetryPolicy.none(),
                        List.of("time", "log")),
                new TaskDefinition("always-fails", "Fails on purpose, to show a failed run.", script("always-fails"),
                        List.of(), small, OverlapPolicy.SKIP, new RetryPolicy(1, 10), List.of()));
    }

    private static String script(String name) {
        try {
            return new ClassPathResource("demo/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("demo script " + name + ".lua is missing from the classpath", e);
        }
    }
}
