package io.robofarm.orchestrator.run;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.robofarm.orchestrator.run.RunState.CANCELLED;
import static io.robofarm.orchestrator.run.RunState.FAILED;
import static io.robofarm.orchestrator.run.RunState.PARKED;
import static io.robofarm.orchestrator.run.RunState.QUEUED;
import static io.robofarm.orchestrator.run.RunState.RUNNING;
import static io.robofarm.orchestrator.run.RunState.SUCCEEDED;
import static io.robofarm.orchestrator.run.RunState.TIMED_OUT;

/**
 * The one table of legal run state changes. Everything that moves a run asks it first, so a late
 * event (a VM reporting RUNNING after the run was cancelled) can never resurrect a finished run.
 */
public final class RunTransitions {
    private static final Map<RunState, EnumSet<RunState>> ALLOWED = new EnumMap<>(RunState.class);

    static {
        // A queued run can fail without running: its task or version is gone, or the VM refused it.
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED));
        ALLOWED.put(RUNNING, EnumSet.of(PARKED, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT));
        // A parked VM can be cancelled, time out or be failed (node lost) without running again;
        // it can also finish when its wake-up and its last instruction fall in one scheduler slice.
        ALLOWED.put(PARKED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT));
        for (RunState state : RunState.values()) {
            ALLOWED.putIfAbsent(state, EnumSet.noneOf(RunState.class));
        }
    }

    private RunTransitions() {
    }

    /** Whether a run in state {@code from} may move to {@code to}. */
    public static boolean isAllowed(RunState from, RunState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The states a run in state {@code from} may move to. */
    public static Set<RunState> allowedFrom(RunState from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }
}
