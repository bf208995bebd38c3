package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out task versions ready to run, for the farm. A version never changes, so its compiled
 * {@link io.robofarm.vm.code.Prototype} is built once and shared by every run; the most recently
 * used {@code robofarm.tasks.compiled-cache-size} versions stay in memory.
 */
@Service
public class TaskCatalog {
    private final TaskRepository tasks;
    private final TaskVersionRepository versions;
    private final ScriptCompiler compiler;
    private final Map<Long, RunnableTask> byVersionId;

    TaskCatalog(TaskRepository tasks, TaskVersionRepository versions, ScriptCompiler compiler,
                @Value("${robofarm.tasks.compiled-cache-size:1000}") int cacheSize) {
        this.tasks = tasks;
        this.versions = versions;
        this.compiler = compiler;
        this.byVersionId = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, RunnableTask> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The latest version of a live task. @throws NotFoundException when there is no such live task */
    @Transactional(readOnly = true)
    public RunnableTask latest(long taskId) {
        Task task = tasks.findByIdAndDeletedAtIsNull(taskId)
                .orElseThrow(() -> new NotFoundException("No task with id " + taskId));
        return version(taskId, task.getLatestVersion());
    }

    /** A given version of a task, deleted or not (runs keep pointing at it). @throws NotFoundException when it does not exist */
    @Transactional(readOnly = true)
    public RunnableTask version(long taskId, int number) {
        TaskVersion version = versions.findByTaskIdAndNumber(taskId, number)
                .orElseThrow(() -> new NotFoundException("Task " + taskId + " has no version " + number));
        return cached(version);
    }

    /** A version by its own id, as runs record it. @throws NotFoundException when it does not exist */
    @Transactional(readOnly = true)
    public RunnableTask byVersionId(long versionId) {
        RunnableTask hit = lookup(versionId);
        if (hit != null) {
            return hit;
        }
        return cached(versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("No task version with id " + versionId)));
    }

    private RunnableTask cached(TaskVersion version) {
        RunnableTask hit = lookup(version.getId());
        if (hit != null) {
            return hit;
        }
        RunnableTask task = new RunnableTask(version.getTaskId(), version.getName(), version.getId(), version.getNumber(),
                version.getSource(), compiler.compile(version.getName(), version.getSource()), version.getLimits(),
                version.getOverlapPolicy(), version.getRetry(), version.getParameters(), version.getModules());
        synchronized (byVersionId) {
            byVersionId.put(version.getId(), task);
        }
        return task;
    }

    private RunnableTask lookup(long versionId) {
        synchronized (byVersionId) {
            return byVersionId.get(versionId);
        }
    }
}
