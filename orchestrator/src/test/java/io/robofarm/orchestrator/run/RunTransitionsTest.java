package io.robofarm.orchestrator.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static io.robofarm.orchestrator.run.RunState.CANCELLED;
import static io.robofarm.orchestrator.run.RunState.FAILED;
import static io.robofarm.orchestrator.run.RunState.PARKED;
import static io.robofarm.orchestrator.run.RunState.QUEUED;
import static io.robofarm.orchestrator.run.RunState.RUNNING;
import static io.robofarm.orchestrator.run.RunState.SUCCEEDED;
import static io.robofarm.orchestrator.run.RunState.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunTransitionsTest {

    @Test
    void queuedRunsStartOrEndWithoutRunning() {
        assertThat(RunTransitions.allowedFrom(QUEUED)).containsExactlyInAnyOrder(RUNNING, CANCELLED, FAILED);
    }

    @Test
    void runningAndParkedAlternateAndBothEnd() {
        assertThat(RunTransitions.allowedFrom(RUNNING))
                .containsExactlyInAnyOrder(PARKED, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT);
        assertThat(RunTransitions.allowedFrom(PARKED))
                .containsExactlyInAnyOrder(RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT);
    }

    @ParameterizedTest
    @EnumSource(value = RunState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"})
    void finalStatesAreFinal(RunState state) {
        assertThat(state.isFinal()).isTrue();
        assertThat(RunTransitions.allowedFrom(state)).isEmpty();
    }

    @Test
    void nothingGoesBackToQueuedAndQueuedCannotSucceedWithoutRunning() {
        for (RunState from : RunState.values()) {
            assertThat(RunTransitions.isAllowed(from, QUEUED)).as(from + " -> QUEUED").isFalse();
        }
        assertThat(RunTransitions.isAllowed(QUEUED, SUCCEEDED)).isFalse();
        assertThat(RunTransitions.isAllowed(QUEUED, PARKED)).isFalse();
    }

    @Test
    void aRunStampsStartAndEndAsItMoves() {
        Run run = Run.queued(1, "t", 1, RunTrigger.API, "alice", null, "{}", 0, Instant.EPOCH);
        run.moveTo(RUNNING, Instant.ofEpochSecond(1));
        run.moveTo(PARKED, Instant.ofEpochSecond(2));
        run.moveTo(RUNNING, Instant.ofEpochSecond(3));
        run.moveTo(SUCCEEDED, Instant.ofEpochSecond(4));
        assertThat(run.getStartedAt()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(run.getEndedAt()).isEqualTo(Instant.ofEpochSecond(4));
        assertThatThrownBy(() -> run.moveTo(CANCELLED, Instant.ofEpochSecond(5)))
                .isInstanceOf(IllegalRunTransitionException.class)
                .hasMessageContaining("is SUCCEEDED and cannot become CANCELLED");
        assertThat(run.getState()).isEqualTo(SUCCEEDED);
    }
}
