package io.robofarm.vm.sched;

import io.robofarm.vm.host.HostModule;
import io.robofarm.vm.host.LogModule;
import io.robofarm.vm.host.TimeModule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs many robots on a few threads, as Erlang runs processes: a fixed pool of workers takes
 * runnable robots from one queue, runs each for a quantum of fuel slices, and queues it again,
 * so a CPU-bound robot cannot starve the others. A robot that calls an async host function (a
 * sleep, a request) parks without a thread and is queued again when the call completes; one timer
 * thread serves all sleeps and deadlines. Admission is bounded by the number of live robots and
 * of runnable ones.
 */
public final class VmScheduler implements AutoCloseable {
    private final SchedulerConfig config;
    private final Map<String, HostModule> modules = new LinkedHashMap<>();
    private final RunQueue queue = new RunQueue();
    private final ScheduledThreadPoolExecutor timer;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger runnable = new AtomicInteger();
    private final Map<Long, Robot> robots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Starts the worker and timer threads. */
    public VmScheduler(SchedulerConfig config) {
        this.config = config;
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "robot-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        for (HostModule module : List.of(TimeModule.create(timer), LogModule.module())) {
            modules.put(module.name(), module);
        }
        for (HostModule module : config.modules()) {
            if (modules.putIfAbsent(module.name(), module) != null) {
                throw new IllegalArgumentException("two host modules are named " + module.name());
            }
        }
        for (int i = 0; i < config.workers(); i++) {
            Thread worker = new Thread(this::work, "robot-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Admits a robot and queues it to run.
     *
     * @throws AdmissionRejected when live or runnable robots are at their limit, or the scheduler is closed
     * @throws IllegalArgumentException when the spec grants an unknown module or has parameters Lua cannot hold
     */
    public RobotHandle submit(RobotSpec spec, RobotListener listener) {
        List<HostModule> granted = new ArrayList<>(spec.grantedModules().size());
        for (String name : spec.grantedModules()) {
            HostModule module = modules.get(name);
            if (module == null) {
                throw new IllegalArgumentException("no host module named '" + name + "'; known: " + modules.keySet());
            }
            granted.add(module);
        }
        admit();
        Robot robot;
        try {
            robot = new Robot(ids.incrementAndGet(), this, spec, granted, listener);
        } catch (RuntimeException e) {
            live.decrementAndGet();
            runnable.decrementAndGet();
            throw e;
        }
        robots.put(robot.id(), robot);
        if (closed) {
            robot.cancel();
            throw new AdmissionRejected("the scheduler is closed");
        }
        if (spec.limits().timeout() != null) {
            robot.setDeadline(timer.schedule(robot::deadlinePassed, spec.limits().timeout().toNanos(), TimeUnit.NANOSECONDS));
        }
        queue.put(robot, false);
        return robot;
    }

    private void admit() {
        if (closed) {
            throw new AdmissionRejected("the scheduler is closed");
        }
        if (live.incrementAndGet() > config.maxLive()) {
            live.decrementAndGet();
            throw new AdmissionRejected("too many robots: " + config.maxLive() + " are live, the limit");
        }
        if (runnable.incrementAndGet() > config.maxRunnable()) {
            runnable.decrementAndGet();
            live.decrementAndGet();
            throw new AdmissionRejected("too many robots waiting for a worker: " + config.maxRunnable() + " are runnable, the limit");
        }
    }

    /** Robots admitted and not finished. */
    public int liveCount() {
        return live.get();
    }

    /** Robots queued or running, that is live and not parked. */
    public int runnableCount() {
        return runnable.get();
    }

    int slicesPerTurn() {
        return config.slicesPerTurn();
    }

    void enqueue(Robot robot, boolean wokenFromPark) {
        queue.put(robot, wokenFromPark);
    }

    /** Keeps the counts of live and runnable robots as a robot changes state. */
    void changed(Robot robot, RobotState from, RobotState to) {
        boolean wasRunnable = from == RobotState.RUNNABLE || from == RobotState.RUNNING;
        boolean isRunnable = to == RobotState.RUNNABLE || to == RobotState.RUNNING;
        if (wasRunnable != isRunnable) {
            runnable.addAndGet(isRunnable ? 1 : -1);
        }
        if (to == RobotState.FINISHED) {
            live.decrementAndGet();
            robots.remove(robot.id());
        }
    }

    private void work() {
        while (true) {
            Robot robot;
            try {
                robot = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (robot == null) {
                return;
            }
            robot.runTurn();
        }
    }

    /**
     * Stops admitting robots, cancels every live one (running ones stop at their next fuel slice
     * end), and waits for the workers to finish their turns.
     */
    @Override
    public void close() {
        closed = true;
        for (Robot robot : robots.values()) {
            robot.cancel();
        }
        queue.close();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
    }
}
