package io.robofarm.orchestrator.run;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs whose VMs live on this node, by run id. The farm registers a run when its VM starts and
 * removes it when the VM has ended; the API looks here to cancel or inspect a live run.
 */
@Component
public class ActiveRuns {
    private final ConcurrentHashMap<Long, ActiveRun> byRunId = new ConcurrentHashMap<>();

    public void register(long runId, ActiveRun run) {
        byRunId.put(runId, run);
    }

    public void unregister(long runId) {
        byRunId.remove(runId);
    }

    public Optional<ActiveRun> find(long runId) {
        return Optional.ofNullable(byRunId.get(runId));
    }

    /** How many VMs this node is running (or has parked). */
    public int count() {
        return byRunId.size();
    }
}
