package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.RoboFarmApplication;
import io.robofarm.orchestrator.live.RunLogLine;
import io.robofarm.orchestrator.run.Run;
import io.robofarm.orchestrator.run.RunLogStore;
import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunService;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.orchestrator.run.RunTrigger;
import io.robofarm.orchestrator.task.OverlapPolicy;
import io.robofarm.orchestrator.task.ParameterType;
import io.robofarm.orchestrator.task.RetryPolicy;
import io.robofarm.orchestrator.task.TaskDefinition;
import io.robofarm.orchestrator.task.TaskLimits;
import io.robofarm.orchestrator.task.TaskParameter;
import io.robofarm.orchestrator.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping a node: runs that finish within the grace period succeed; one still going after it is
 * stopped and queued again by its retry policy, and the next start of the farm runs that retry to
 * its end. Two application starts on one H2 file, as an operator's restart would do.
 */
class GracefulShutdownTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ConfigurableApplicationContext startFarm(String database) {
        return new SpringApplicationBuilder(RoboFarmApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:./target/h2/" + database,
                "--robofarm.demo.enabled=false",
                "--robofarm.admin-password=restart-secret",
                "--robofarm.security.bcrypt-strength=4",
                "--robofarm.farm.shutdown-grace=3s");
    }

    private static Run await(RunRepository runs, long id, RunState state) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        Run run = runs.findById(id).orElseThrow();
        while (run.getState() != state && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            run = runs.findById(id).orElseThrow();
        }
        return run;
    }

    @Test
    void aStoppingNodeLetsShortRunsFinishAndRetriesTheRestAfterTheNextStart() throws Exception {
        String database = "GracefulShutdownTest-" + UUID.randomUUID();
        long quick;
        long slow;
        try (ConfigurableApplicationContext farm = startFarm(database)) {
            TaskService tasks = farm.getBean(TaskService.class);
            RunService runService = farm.getBean(RunService.class);
            TaskLimits limits = new TaskLimits(1 << 20, 10_000_000L, 120, 10);
            long task = tasks.create(new TaskDefinition("sleeper", "", """
                    local p = ...
                    print('sleeping ' .. p.ms .. ' ms')
                    require('time').sleep(p.ms)
                    print('woke up')
                    return p.ms""", List.of(new TaskParameter("ms", ParameterType.INTEGER, "100", "")), limits,
                    OverlapPolicy.PARALLEL, new RetryPolicy(1, 0), List.of("time"))).id();
            quick = runService.start(new RunService.RunRequest(task, Map.of("ms", 1000), 0, RunTrigger.API, "test",
                    null)).getId();
            slow = runService.start(new RunService.RunRequest(task, Map.of("ms", 5000), 0, RunTrigger.API, "test",
                    null)).getId();
            RunRepository runs = farm.getBean(RunRepository.class);
            assertThat(await(runs, slow, RunState.PARKED).getState()).isEqualTo(RunState.PARKED);
        }
        // The context is closed: the quick run had time to finish, the slow one did not.
        try (ConfigurableApplicationContext farm = startFarm(database)) {
            RunRepository runs = farm.getBean(RunRepository.class);
            RunLogStore logs = farm.getBean(RunLogStore.class);
            assertThat(runs.findById(quick).orElseThrow().getState()).isEqualTo(RunState.SUCCEEDED);
            assertThat(logs.after(quick, 0, 10)).extracting(RunLogLine::line).containsExactly("sleeping 1000 ms", "woke up");

            Run stopped = runs.findById(slow).orElseThrow();
            assertThat(stopped.getState()).isEqualTo(RunState.FAILED);
            assertThat(stopped.getErrorMessage()).startsWith("the node shut down before this run finished");
            List<RunLogLine> why = logs.after(slow, 0, 10);
            assertThat(why.get(0).line()).isEqualTo("sleeping 5000 ms");
            assertThat(why.get(why.size() - 1).line()).contains("retrying as run");

            Run retry = runs.findAll().stream().filter(r -> Long.valueOf(slow).equals(r.getRetryOf())).findFirst()
                    .orElseThrow();
            assertThat(retry.getAttempt()).isEqualTo(2);
            assertThat(await(runs, retry.getId(), RunState.SUCCEEDED).getState()).isEqualTo(RunState.SUCCEEDED);
        }
    }
}
