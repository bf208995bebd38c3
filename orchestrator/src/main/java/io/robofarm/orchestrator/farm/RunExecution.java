package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.ActiveRun;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.vm.host.OutputLevel;
import io.robofarm.vm.interp.StackFrameInfo;
import io.robofarm.vm.sched.RobotHandle;
import io.robofarm.vm.sched.RobotListener;
import io.robofarm.vm.sched.RobotState;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run's VM as the farm sees it. It listens to the VM on the scheduler's threads and only hands
 * work on: output lines to the log writer, RUNNING/PARKED changes to the farm (which folds and
 * persists them later); the dispatcher finishes the run on a state-writer thread once its VM has
 * ended, so the VM never waits for the database.
 */
final class RunExecution implements RobotListener, ActiveRun {
    /** What the execution asks of the farm; implemented by {@link Dispatcher}. */
    interface Farm {
        /** Hands on a RUNNING/PARKED change to be persisted soon (ignored when the run's state no longer allows it); never blocks. */
        void persistState(long runId, RunState state);

        /** Stores one output line. */
        void log(long runId, Instant at, String level, String line);
    }

    final long runId;
    final long taskId;
    private final Farm farm;
    private volatile RobotHandle handle;
    private volatile boolean cancelRequested;
    /** Why the node stopped the VM, when it did (shutdown); null for a cancel by a user. */
    private volatile String stoppedByNode;
    /** The run state last reported to the farm; touched only on the VM's listener calls. */
    private RunState reported = RunState.RUNNING;

    RunExecution(long runId, long taskId, Farm farm) {
        this.runId = runId;
        this.taskId = taskId;
        this.farm = farm;
    }

    /** Attaches the VM; a cancel that came before it is passed on now. */
    void attach(RobotHandle robot) {
        handle = robot;
        if (cancelRequested) {
            robot.cancel();
        }
    }

    RobotHandle handle() {
        return handle;
    }

    @Override
    public synchronized void onState(RobotHandle robot, RobotState from, RobotState to, String parkReason) {
        RunState state = switch (to) {
            case RUNNABLE, RUNNING -> RunState.RUNNING;
            case PARKED -> RunState.PARKED;
            case FINISHED -> null;
        };
        if (state != null && state != reported) {
            reported = state;
            farm.persistState(runId, state);
        }
    }

    @Override
    public void onOutput(RobotHandle robot, long epochMillis, OutputLevel level, String line) {
        farm.log(runId, Instant.ofEpochMilli(epochMillis), level.name(), line);
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        RobotHandle robot = handle;
        if (robot != null) {
            robot.cancel();
        }
    }

    /** Stops the VM because this node is going down; the run is then retried or failed, not cancelled. */
    void stopForShutdown(String reason) {
        stoppedByNode = reason;
        cancel();
    }

    String stoppedByNode() {
        return stoppedByNode;
    }

    @Override
    public List<StackFrameInfo> stack() {
        RobotHandle robot = handle;
        if (robot == null) {
            return List.of();
        }
        try {
            return robot.stack().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }
}
