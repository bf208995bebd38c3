package io.robofarm.orchestrator.farm;

import io.robofarm.orchestrator.task.OverlapPolicy;
import io.robofarm.orchestrator.task.RunnableTask;

import java.util.HashMap;
import java.util.Map;

/**
 * How many runs of each task this node holds, against the task's limit: its max concurrent runs,
 * or one when its overlap policy is QUEUE (a run then waits for the previous one to end).
 */
final class TaskSlots {
    private final Map<Long, Integer> active = new HashMap<>();

    /** Takes a slot for a run of {@code task}; false when the task is at its limit. */
    synchronized boolean tryAcquire(RunnableTask task) {
        int limit = task.overlapPolicy() == OverlapPolicy.QUEUE ? 1 : task.limits().maxConcurrentRuns();
        int now = active.getOrDefault(task.taskId(), 0);
        if (now >= limit) {
            return false;
        }
        active.put(task.taskId(), now + 1);
        return true;
    }

    synchronized void release(long taskId) {
        active.computeIfPresent(taskId, (id, n) -> n > 1 ? n - 1 : null);
    }
}
