package io.robofarm.vm.sched;

import io.robofarm.vm.host.HostContext;
import io.robofarm.vm.host.HostModule;
import io.robofarm.vm.host.HostModules;
import io.robofarm.vm.host.LineOutput;
import io.robofarm.vm.host.LuaValues;
import io.robofarm.vm.host.OutputLevel;
import io.robofarm.vm.host.PendingCall;
import io.robofarm.vm.interp.Execution;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.StackFrameInfo;
import io.robofarm.vm.interp.StackInspector;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.interp.VmInterrupted;
import io.robofarm.vm.stdlib.StandardLibraries;
import io.robofarm.vm.value.ByteStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One scheduled VM and its life: turns on worker threads, parks, wake-ups, cancellation, and the
 * fields observers read. State changes happen under the robot's monitor; the VM itself is only
 * touched by the worker running its turn, or under the monitor while it is not running.
 */
final class Robot implements RobotHandle, HostContext {
    private final long id;
    private final VmScheduler scheduler;
    private final RobotListener listener;
    private final Vm vm;
    private final Execution execution;
    private final LineOutput stdout;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    private volatile RobotState state = RobotState.RUNNABLE;
    private volatile String parkReason;
    private volatile int line = -1;
    private volatile int callDepth;
    private volatile long fuelUsed;
    private volatile long memoryBytes;
    private volatile long peakMemoryBytes;
    private volatile long runningNanos;
    private volatile long parkedNanos;
    /** {@link System#nanoTime()} of the last state change. */
    private volatile long since = System.nanoTime();

    /** The host call a parked robot waits for; kept until the turn that delivers it. */
    private PendingCall pending;
    private boolean cancelRequested;
    private ScheduledFuture<?> deadline;
    private List<CompletableFuture<List<StackFrameInfo>>> stackRequests;
    private volatile boolean stackWanted;

    /** Sets up the VM: libraries, modules, output, limits, and the call of the chunk with its parameters. */
    Robot(long id, VmScheduler scheduler, RobotSpec spec, List<HostModule> modules, RobotListener listener) {
        this.id = id;
        this.scheduler = scheduler;
        this.listener = listener;
        vm = new Vm();
        if (spec.sandboxed()) {
            StandardLibraries.openSandboxed(vm);
        } else {
            StandardLibraries.openAll(vm);
        }
        stdout = new LineOutput(this, OutputLevel.PRINT);
        vm.setStdout(stdout);
        HostModules.install(vm, modules, this);
        RobotLimits limits = spec.limits();
        if (limits.maxFuel() != Long.MAX_VALUE) {
            vm.setMaxFuel(limits.maxFuel());
        }
        if (limits.timeout() != null) {
            vm.setTimeout(limits.timeout());
        }
        if (limits.maxMemoryBytes() > 0) {
            vm.setMaxMemory(limits.maxMemoryBytes());
        }
        execution = new Execution(vm, vm.load(spec.chunk(), vm.globals()), LuaValues.toLua(vm, spec.parameters()));
        execution.setSliceHook(this::atSliceEnd);
    }

    synchronized void setDeadline(ScheduledFuture<?> deadline) {
        this.deadline = deadline;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public VmStats stats() {
        RobotState s = state;
        long inState = System.nanoTime() - since;
        return new VmStats(s, parkReason, line, callDepth, fuelUsed, memoryBytes, peakMemoryBytes,
                runningNanos + (s == RobotState.RUNNING ? inState : 0),
                parkedNanos + (s == RobotState.PARKED ? inState : 0));
    }

    @Override
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    @Override
    public CompletableFuture<List<StackFrameInfo>> stack() {
        synchronized (this) {
            if (state == RobotState.FINISHED) {
                return CompletableFuture.completedFuture(List.of());
            }
            if (state != RobotState.RUNNING) {
                return CompletableFuture.completedFuture(StackInspector.stack(vm));
            }
            CompletableFuture<List<StackFrameInfo>> request = new CompletableFuture<>();
            if (stackRequests == null) {
                stackRequests = new ArrayList<>(2);
            }
            stackRequests.add(request);
            stackWanted = true;
            return request;
        }
    }

    @Override
    public boolean cancel() {
        Outcome end;
        synchronized (this) {
            if (state == RobotState.FINISHED) {
                return false;
            }
            if (state == RobotState.RUNNING) {
                cancelRequested = true;
                vm.interrupt();
                return true;
            }
            end = finish(Outcome.cancelled(vm.fuelUsed()));
        }
        complete(end);
        return true;
    }

    @Override
    public void output(OutputLevel level, String text) {
        try {
            listener.onOutput(this, System.currentTimeMillis(), level, text);
        } catch (RuntimeException e) {
            // A failing listener loses this event; the robot and its worker go on.
        }
    }

    /** One turn on a worker thread: delivers what the robot waited for, runs it, and settles its next state. */
    void runTurn() {
        synchronized (this) {
            if (state != RobotState.RUNNABLE) {
                return;
            }
            moveTo(RobotState.RUNNING, null);
        }
        Execution.Step step = null;
        Outcome end = null;
        try {
            step = resumeAndRun();
        } catch (LuaError e) {
            end = Outcome.failed(ByteStrings.decode(e.getMessage()), e.luaTraceback(), StackInspector.errorLine(vm),
                    vm.fuelUsed());
        } catch (VmInterrupted e) {
            end = Outcome.limit(e.getMessage(), vm.fuelUsed());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            end = Outcome.failed("internal error in the robot VM", null, -1, vm.fuelUsed());
        }
        publish();
        boolean parked = false;
        synchronized (this) {
            if (cancelRequested) {
                end = Outcome.cancelled(vm.fuelUsed());
            } else if (end == null && step == Execution.Step.RETURNED) {
                List<Object> values = new ArrayList<>();
                for (Object v : execution.results()) {
                    values.add(LuaValues.toJavaLenient(v));
                }
                end = Outcome.succeeded(values, vm.fuelUsed());
            }
            if (end != null) {
                end = finish(end);
            } else if (step == Execution.Step.PREEMPTED) {
                moveTo(RobotState.RUNNABLE, null);
                scheduler.enqueue(this, false);
            } else {
                if (pending == null) {
                    pending = (PendingCall) execution.waitingFor();
                    parked = true;
                }
                moveTo(RobotState.PARKED, pending.function());
                if (pending.future().isDone()) {
                    moveTo(RobotState.RUNNABLE, null);
                    scheduler.enqueue(this, true);
                }
                answerStackRequests();
            }
        }
        if (end != null) {
            complete(end);
        } else if (parked) {
            pending.future().whenComplete((value, failure) -> wake());
        }
    }

    /**
     * Continues the execution: with the outcome of the call it waited for, or, when a deadline woke
     * it before that call completed, only to let the limit stop it (if it does not, the robot parks
     * again: {@link Execution.Step#PARKED} with {@link #pending} kept).
     */
    private Execution.Step resumeAndRun() {
        PendingCall waited = pending;
        if (waited != null) {
            if (!waited.future().isDone()) {
                execution.checkLimits();
                return Execution.Step.PARKED;
            }
            pending = null;
            waited.deliver(execution);
        }
        return execution.run(scheduler.slicesPerTurn());
    }

    /** The call the robot waits for has completed. */
    private void wake() {
        synchronized (this) {
            if (state != RobotState.PARKED) {
                return;
            }
            moveTo(RobotState.RUNNABLE, null);
        }
        scheduler.enqueue(this, true);
    }

    /** The timeout has passed: a parked robot is woken so its limit check ends it; a queued or running one ends at its next check. */
    void deadlinePassed() {
        wake();
    }

    /** On the VM's thread at each fuel slice end. */
    private void atSliceEnd() {
        publish();
        if (stackWanted) {
            synchronized (this) {
                answerStackRequests();
            }
        }
    }

    private void publish() {
        line = StackInspector.currentLine(vm);
        callDepth = StackInspector.callDepth(vm);
        fuelUsed = vm.fuelUsed();
        memoryBytes = vm.memoryInUse();
        peakMemoryBytes = vm.memoryPeak();
    }

    private void answerStackRequests() {
        if (stackRequests == null) {
            return;
        }
        List<StackFrameInfo> stack = state == RobotState.FINISHED ? List.of() : StackInspector.stack(vm);
        stackRequests.forEach(request -> request.complete(stack));
        stackRequests = null;
        stackWanted = false;
    }

    /** Moves to FINISHED (under the monitor) and returns {@code end} for {@link #complete}, which must follow outside it. */
    private Outcome finish(Outcome end) {
        stdout.flush();
        moveTo(RobotState.FINISHED, null);
        fuelUsed = end.fuelUsed();
        peakMemoryBytes = vm.memoryPeak();
        answerStackRequests();
        if (deadline != null) {
            deadline.cancel(false);
        }
        return end;
    }

    private void complete(Outcome end) {
        outcome.complete(end);
    }

    private void moveTo(RobotState next, String reason) {
        RobotState from = state;
        if (!from.canBecome(next)) {
            throw new IllegalStateException("robot " + id + " cannot go from " + from + " to " + next);
        }
        long now = System.nanoTime();
        if (from == RobotState.RUNNING) {
            runningNanos += now - since;
        } else if (from == RobotState.PARKED) {
            parkedNanos += now - since;
        }
        since = now;
        parkReason = reason;
        state = next;
        scheduler.changed(this, from, next);
        try {
            listener.onState(this, from, next, reason);
        } catch (RuntimeException e) {
            // A failing listener loses this event; the robot and its worker go on.
        }
    }

    @Override
    public String toString() {
        return "robot " + id;
    }
}
