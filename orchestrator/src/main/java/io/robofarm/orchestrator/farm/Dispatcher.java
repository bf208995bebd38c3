package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.live.LiveEventBus;
import io.robofarm.orchestrator.live.RunStateChanged;
import io.robofarm.orchestrator.run.ActiveRuns;
import io.robofarm.orchestrator.run.Run;
import io.robofarm.orchestrator.run.RunLifecycle;
import io.robofarm.orchestrator.run.RunLogWriter;
import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.orchestrator.support.Threads;
import io.robofarm.orchestrator.task.RunnableTask;
import io.robofarm.orchestrator.task.TaskCatalog;
import io.robofarm.orchestrator.web.NotFoundException;
import io.robofarm.vm.sched.AdmissionRejected;
import io.robofarm.vm.sched.Outcome;
import io.robofarm.vm.sched.RobotHandle;
import io.robofarm.vm.sched.RobotLimits;
import io.robofarm.vm.sched.RobotSpec;
import io.robofarm.vm.sched.VmScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes QUEUED runs, highest priority and oldest first, while this node has capacity, and runs each
 * on a VM of the robot-vm scheduler. A run's task limits how many of its runs go at once (and its
 * overlap policy QUEUE makes them go one at a time); a run that must wait stays QUEUED and is looked at
 * again when something ends. The VM's state changes, output and outcome flow back through
 * {@link RunExecution} into the run's row, its log and the live bus.
 *
 * <p>On start it first deals with runs a crash left RUNNING ({@link InterruptedRuns}). On stop it takes
 * no more runs and gives the running ones {@code shutdownGrace} to finish; those still going are then
 * stopped and retried or failed by their retry policy.
 */
@Component
public class Dispatcher implements SmartLifecycle, RunExecution.Farm {
    /** Stops before the log writer, so the last lines of the last runs are still stored. */
    static final int PHASE = RunLogWriter.PHASE + 100;

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final FarmProperties farm;
    private final VmScheduler scheduler;
    private final RunRepository runs;
    private final RunLifecycle lifecycle;
    private final RunLogWriter logWriter;
    private final ActiveRuns activeRuns;
    private final TaskCatalog catalog;
    private final InterruptedRuns interrupted;
    private final RunOutcomes outcomes;
    private final RunFinisher finisher;
    private final LiveEventBus bus;
    private final JsonMapper json;
    private final TaskSlots slots = new TaskSlots();
    private final Map<Long, RunExecution> executions = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile ExecutorService stateWriters;
    private volatile RunStateSettler settler;
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread loop;
    private Runnable unsubscribe = () -> { };

    public Dispatcher(FarmProperties farm, VmScheduler scheduler, RunRepository runs, RunLifecycle lifecycle,
                      RunLogWriter logWriter, ActiveRuns activeRuns, TaskCatalog catalog, InterruptedRuns interrupted,
                      RunOutcomes outcomes, RunFinisher finisher, LiveEventBus bus, JsonMapper json) {
        this.farm = farm;
        this.scheduler = scheduler;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.logWriter = logWriter;
        this.activeRuns = activeRuns;
        this.catalog = catalog;
        this.interrupted = interrupted;
        this.outcomes = outcomes;
        this.finisher = finisher;
        this.bus = bus;
        this.json = json;
    }

    /** Looks at the queue soon; cheap and non-blocking, so any thread may call it. */
    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** The runs this node holds now, by run id. */
    Set<Long> runningIds() {
        return Set.copyOf(executions.keySet());
    }

    RunExecution execution(long runId) {
        return executions.get(runId);
    }

    private void dispatchLoop() {
        while (running) {
            try {
                wakeUp.tryAcquire(farm.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && dispatchRound()) {
                    // A full round may have left more runs that fit: go again without waiting.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Dispatch round failed; trying again", e);
            }
        }
    }

    /** Starts what fits; true when it started as many runs as it looked at (so more may be waiting). */
    private boolean dispatchRound() {
        int free = farm.capacity() - executions.size();
        if (free <= 0) {
            return false;
        }
        int batch = Math.min(farm.dispatchBatch(), free * 2);
        List<Run> queued = runs.queue(RunState.QUEUED, Instant.now(), Limit.of(batch));
        List<Candidate> candidates = new ArrayList<>();
        Set<Long> tasksAtLimit = new HashSet<>();
        // Queued runs mostly share a few task versions: look each up once per round.
        Map<String, RunnableTask> versions = new HashMap<>();
        for (Run run : queued) {
            if (!running || candidates.size() >= free) {
                break;
            }
            if (tasksAtLimit.contains(run.getTaskId()) || executions.containsKey(run.getId())) {
                continue;
            }
            RunnableTask task = versions.computeIfAbsent(run.getTaskId() + "/" + run.getTaskVersion(), k -> taskOf(run));
            if (task == null) {
                continue;
            }
            if (!slots.tryAcquire(task)) {
                tasksAtLimit.add(run.getTaskId());
                continue;
            }
            candidates.add(new Candidate(run, task, register(run, task)));
        }
        Set<Long> claimed = lifecycle.claim(candidates.stream().map(c -> c.run().getId()).toList());
        int startedNow = 0;
        for (Candidate candidate : candidates) {
            if (!claimed.contains(candidate.run().getId())) {
                forget(candidate.execution());
            } else if (start(candidate)) {
                startedNow++;
            }
        }
        return startedNow > 0 && startedNow == queued.size() && queued.size() == batch;
    }

    /** A queued run this round will claim, with its task and the execution registered for it. */
    private record Candidate(Run run, RunnableTask task, RunExecution execution) {
    }

    private RunnableTask taskOf(Run run) {
        try {
            return catalog.version(run.getTaskId(), run.getTaskVersion());
        } catch (NotFoundException e) {
            lifecycle.tryMoveTo(run.getId(), RunState.FAILED, r -> r.recordError(
                    "Task " + run.getTaskId() + " version " + run.getTaskVersion() + " no longer exists", null, null));
            return null;
        } catch (RuntimeException e) {
            lifecycle.tryMoveTo(run.getId(), RunState.FAILED, r -> r.recordError(
                    "The task's script could not be loaded: " + e.getMessage(), null, null));
            return null;
        }
    }

    /** Registers the execution of a run about to be claimed: before the claim, so a cancel arriving between the two reaches the VM. */
    private RunExecution register(Run run, RunnableTask task) {
        RunExecution execution = new RunExecution(run.getId(), task.taskId(), this);
        executions.put(run.getId(), execution);
        activeRuns.register(run.getId(), execution);
        logWriter.open(run.getId());
        return execution;
    }

    /** Gives a claimed run its VM; false when it could not start (and is failed). */
    private boolean start(Candidate candidate) {
        Run run = candidate.run();
        RunnableTask task = candidate.task();
        RunExecution execution = candidate.execution();
        long runId = run.getId();
        RobotHandle handle;
        try {
            handle = scheduler.submit(spec(run, task), execution);
        } catch (AdmissionRejected | IllegalArgumentException e) {
            lifecycle.tryMoveTo(runId, RunState.FAILED, r -> r.recordError("The VM was not started: " + e.getMessage(),
                    null, null));
            forget(execution);
            return false;
        }
        execution.attach(handle);
        started.incrementAndGet();
        // Finished once the run's last log lines are stored, on a state writer rather than the VM's thread.
        handle.outcome().whenComplete((outcome, failure) -> logWriter.flushed().whenCompleteAsync(
                (flushed, notFlushed) -> finishSafely(run, task, execution, outcome, failure), stateWriters));
        return true;
    }

    private RobotSpec spec(Run run, RunnableTask task) {
        Map<String, Object> parameters = json.readValue(run.getParameters(), new TypeReference<>() { });
        RobotLimits limits = new RobotLimits(task.limits().fuel(), Duration.ofSeconds(task.limits().timeoutSeconds()),
                task.limits().memoryBytes());
        return new RobotSpec(task.prototype(), parameters, limits, new LinkedHashSet<>(task.modules()), true);
    }

    private void finishSafely(Run run, RunnableTask task, RunExecution execution, Outcome outcome, Throwable failure) {
        try {
            finish(run, task, execution, outcome, failure);
        } catch (RuntimeException e) {
            log.error("Run {}: could not finish", run.getId(), e);
        }
    }

    private void finish(Run run, RunnableTask task, RunExecution execution, Outcome outcome, Throwable failure) {
        settler.discard(run.getId());
        String stoppedByNode = execution.stoppedByNode();
        if (stoppedByNode != null && (outcome == null || outcome.kind() == Outcome.Kind.CANCELLED)) {
            try {
                runs.findById(run.getId()).ifPresent(current -> interrupted.retryOrFail(current, stoppedByNode));
            } finally {
                release(run, execution);
            }
            return;
        }
        RobotHandle handle = execution.handle();
        RunLifecycle.Move move = outcomes.finalMove(run, task, outcome, failure,
                handle == null ? null : handle.stats().peakMemoryBytes());
        finisher.finish(move, moved -> {
            try {
                if (moved != null) {
                    outcomes.noteRetry(moved, task);
                }
            } finally {
                release(run, execution);
            }
        });
    }

    /** Lets go of an ended run: its log and its place on this node. */
    private void release(Run run, RunExecution execution) {
        logWriter.close(run.getId());
        forget(execution);
    }

    private void forget(RunExecution execution) {
        if (executions.remove(execution.runId) != null) {
            activeRuns.unregister(execution.runId);
            slots.release(execution.taskId);
            wakeUp();
        }
    }

    @Override
    public void persistState(long runId, RunState state) {
        settler.report(runId, state);
    }

    @Override
    public void log(long runId, Instant at, String level, String line) {
        logWriter.append(runId, at, level, line);
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        stateWriters = Executors.newFixedThreadPool(farm.stateWriters(), r -> {
            Thread t = new Thread(r, "run-state-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        settler = new RunStateSettler(farm.stateSettling(), lifecycle::settle);
        settler.start();
        interrupted.recoverAfterCrash();
        running = true;
        unsubscribe = bus.subscribe(new LiveEventBus.Subscriber() {
            @Override
            public void onEvent(LiveEventBus.Envelope envelope) {
                if (envelope.event() instanceof RunStateChanged change && "QUEUED".equals(change.to())) {
                    wakeUp();
                }
            }

            @Override
            public void onGap(long lastSeenId, long firstKeptId) {
            }
        }, null);
        Thread thread = new Thread(this::dispatchLoop, "run-dispatcher");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
        wakeUp();
    }

    @Override
    public void stop() {
        running = false;
        unsubscribe.run();
        Thread thread = loop;
        if (thread != null) {
            // Woken, not interrupted: an interrupt during file IO would close H2's file channel.
            wakeUp();
            Threads.awaitEnd(thread, Duration.ofSeconds(10));
        }
        long deadline = System.nanoTime() + farm.shutdownGrace().toNanos();
        if (!executions.isEmpty()) {
            log.info("Waiting up to {} for {} runs to finish", farm.shutdownGrace(), executions.size());
        }
        awaitNoExecutions(deadline);
        if (!executions.isEmpty()) {
            log.warn("Stopping {} runs still going after the shutdown grace period", executions.size());
            String reason = "the node shut down before this run finished (grace period " + farm.shutdownGrace() + ")";
            executions.values().forEach(e -> e.stopForShutdown(reason));
            awaitNoExecutions(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        }
        settler.stop();
        stateWriters.shutdown();
        try {
            stateWriters.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitNoExecutions(long deadlineNanos) {
        while (!executions.isEmpty() && System.nanoTime() - deadlineNanos < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Runs keep going while a test pauses an idle application context; stopping them would fail or retry them. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Runs started since this node started. */
    public int startedCount() {
        return started.get();
    }
}
