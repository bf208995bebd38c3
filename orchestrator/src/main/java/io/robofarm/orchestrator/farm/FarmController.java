package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.live.LiveConnections;
import io.robofarm.orchestrator.run.ActiveRuns;
import io.robofarm.orchestrator.run.RunLogWriter;
import io.robofarm.orchestrator.run.RunRepository;
import io.robofarm.orchestrator.run.RunState;
import io.robofarm.vm.sched.VmScheduler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/farm}: what this node is doing now, for the dashboard's header and for operators. */
@RestController
class FarmController {
    private final FarmProperties farm;
    private final Dispatcher dispatcher;
    private final ActiveRuns activeRuns;
    private final VmScheduler scheduler;
    private final RunRepository runs;
    private final RunLogWriter logWriter;
    private final LiveConnections liveConnections;

    FarmController(FarmProperties farm, Dispatcher dispatcher, ActiveRuns activeRuns, VmScheduler scheduler,
                   RunRepository runs, RunLogWriter logWriter, LiveConnections liveConnections) {
        this.farm = farm;
        this.dispatcher = dispatcher;
        this.activeRuns = activeRuns;
        this.scheduler = scheduler;
        this.runs = runs;
        this.logWriter = logWriter;
        this.liveConnections = liveConnections;
    }

    /**
     * @param activeRuns     runs this node holds (running or parked)
     * @param runnableVms    VMs waiting for or on a worker thread (the rest are parked)
     * @param queuedRuns     runs waiting for any node
     * @param startedRuns    runs this node started since it booted
     * @param droppedLogLines log lines dropped since boot because the database was behind
     */
    record FarmStatus(int workers, int capacity, int activeRuns, int runnableVms, long queuedRuns, int startedRuns,
                      long droppedLogLines, int liveClients) {
    }

    @GetMapping("/api/farm")
    FarmStatus status() {
        return new FarmStatus(farm.workers(), farm.capacity(), activeRuns.count(),
                scheduler.runnableCount(), runs.countByState(RunState.QUEUED), dispatcher.startedCount(),
                logWriter.droppedLines(), liveConnections.count());
    }
}
