package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.run.RunLifecycle;
import io.robofarm.orchestrator.run.RunLogWriter;
import io.robofarm.orchestrator.support.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stores the final states of ended runs a round at a time: whatever ended while the previous round
 * was being written goes in the next one, in one transaction ({@link RunLifecycle#moveAll}). Under
 * load that is one commit for hundreds of runs instead of one each; when runs end one by one, each
 * round holds one run and waits for nothing.
 */
@Component
class RunFinisher extends BackgroundWorker {
    /** Starts after and stops before the log writer; starts before and stops after the dispatcher. */
    static final int PHASE = RunLogWriter.PHASE + 50;
    private static final int MAX_ROUND = 500;
    private static final Logger log = LoggerFactory.getLogger(RunFinisher.class);

    /** A final move to store and what to do once it is stored (with the moved run and its next attempt, or null when the move was not allowed). */
    private record Ending(RunLifecycle.Move move, Consumer<RunLifecycle.Moved> then) {
    }

    private final RunLifecycle lifecycle;
    private final BlockingQueue<Ending> endings = new LinkedBlockingQueue<>();

    RunFinisher(RunLifecycle lifecycle) {
        super("run-finisher", PHASE);
        this.lifecycle = lifecycle;
    }

    /** Stores {@code move} with the next round and then calls {@code then} with the moved run and its next attempt, or null. */
    void finish(RunLifecycle.Move move, Consumer<RunLifecycle.Moved> then) {
        endings.add(new Ending(move, then));
    }

    @Override
    protected void work() {
        List<Ending> round = new ArrayList<>();
        while (isRunning() || !endings.isEmpty()) {
            try {
                Ending first = endings.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                round.add(first);
                endings.drainTo(round, MAX_ROUND - 1);
                store(round);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                round.clear();
            }
        }
    }

    private void store(List<Ending> round) {
        Map<Long, RunLifecycle.Moved> moved;
        try {
            moved = lifecycle.moveAll(round.stream().map(Ending::move).toList());
        } catch (RuntimeException e) {
            if (round.size() > 1) {
                log.warn("Storing a round of {} ended runs failed; storing them one by one", round.size(), e);
                round.forEach(ending -> store(List.of(ending)));
                return;
            }
            log.error("Run {}: could not store its final state", round.get(0).move().runId(), e);
            moved = Map.of();
        }
        for (Ending ending : round) {
            try {
                ending.then().accept(moved.get(ending.move().runId()));
            } catch (RuntimeException e) {
                log.error("Run {}: the step after its final state failed", ending.move().runId(), e);
            }
        }
    }
}
