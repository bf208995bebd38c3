package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out task versions ready to run, for the farm. A version never changes, so its compiled
 * {@link io.robofarm.vm.code.Prototype} is built once and shared by every run; the most recently
 * used {@code robofarm.tasks.compiled-cache-size} versions stay in memory. Which version is a live
 * task's latest is remembered too, until the task is saved or deleted on this node or for
 * {@code robofarm.tasks.latest-version-ttl} (1 s), whichever comes first: queueing runs then costs at
 * most one database read per task and second, and a save made by another node sharing the database
 * is seen within that time.
 */
@Service
public class TaskCatalog {
    private final TaskRepository tasks;
    private final TaskVersionRepository versions;
    private final ScriptCompiler compiler;
    private final Map<VersionKey, RunnableTask> cache;
    /** Latest version number by live task id, with when the read that found it began. */
    private final ConcurrentHashMap<Long, LatestVersion> latestVersions = new ConcurrentHashMap<>();
    /** Saves and deletes heard of so far; a read that began before one of them may be stale and is not kept. */
    private final AtomicLong invalidations = new AtomicLong();
    private final long latestVersionTtlNanos;

    private record LatestVersion(int number, long readAtNanos) {
    }

    TaskCatalog(TaskRepository tasks, TaskVersionRepository versions, ScriptCompiler compiler,
                @Value("${robofarm.tasks.compiled-cache-size:1000}") int cacheSize,
                @Value("${robofarm.tasks.latest-version-ttl:1s}") Duration latestVersionTtl) {
        this.latestVersionTtlNanos = latestVersionTtl.toNanos();
        this.tasks = tasks;
        this.versions = versions;
        this.compiler = compiler;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VersionKey, RunnableTask> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The latest version of a live task. @throws NotFoundException when there is no such live task */
    public RunnableTask latest(long taskId) {
        LatestVersion known = latestVersions.get(taskId);
        if (known == null || !isFresh(known)) {
            known = load(taskId);
        }
        return version(taskId, known.number());
    }

    /**
     * Reads a task's latest version from the database, outside any lock of the map, and remembers it
     * unless it may already be stale. A save or delete counts itself in {@link #invalidations} before it
     * evicts its task; the number read is installed only if no invalidation was counted since the read
     * began (checked and installed in one {@code compute}, which the eviction waits for), so an entry
     * left behind by a read that began before a save committed is impossible. Any save or delete on this
     * node stops reads in flight from being kept, not only its task's: saves are rare, and such a read
     * still answers the call that made it. A read never replaces an entry from a read that began later.
     */
    private LatestVersion load(long taskId) {
        long seenInvalidations = invalidations.get();
        long startedAt = System.nanoTime();
        LatestVersion read = new LatestVersion(readLatestVersion(taskId), startedAt);
        latestVersions.compute(taskId, (id, current) -> {
            boolean invalidatedSince = invalidations.get() != seenInvalidations;
            boolean laterReadKept = current != null && current.readAtNanos() - startedAt > 0;
            return invalidatedSince || laterReadKept ? current : read;
        });
        return read;
    }

    private boolean isFresh(LatestVersion known) {
        return System.nanoTime() - known.readAtNanos() < latestVersionTtlNanos;
    }

    private int readLatestVersion(long taskId) {
        return tasks.findByIdAndDeletedAtIsNull(taskId)
                .orElseThrow(() -> new NotFoundException("No task with id " + taskId)).getLatestVersion();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onTaskSaved(TaskSaved event) {
        forgetLatestVersion(event.taskId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onTaskDeleted(TaskDeleted event) {
        forgetLatestVersion(event.taskId());
    }

    /** Counts the invalidation before evicting, so a read in flight either sees the count or is evicted after it installs. */
    private void forgetLatestVersion(long taskId) {
        invalidations.incrementAndGet();
        latestVersions.remove(taskId);
    }

    /**
     * A given version of a task, deleted or not (runs keep pointing at it). A cached version costs
     * no database access. @throws NotFoundException when it does not exist
     */
    public RunnableTask version(long taskId, int number) {
        VersionKey key = new VersionKey(taskId, number);
        synchronized (cache) {
            RunnableTask hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        TaskVersion version = versions.findByTaskIdAndNumber(taskId, number)
                .orElseThrow(() -> new NotFoundException("Task " + taskId + " has no version " + number));
        RunnableTask task = new RunnableTask(version.getTaskId(), version.getName(), version.getId(), version.getNumber(),
                version.getSource(), compiler.compile(version.getName(), version.getSource()), version.getLimits(),
                version.getOverlapPolicy(), version.getRetry(), version.getParameters(), version.getModules());
        synchronized (cache) {
            RunnableTask raced = cache.putIfAbsent(key, task);
            return raced == null ? task : raced;
        }
    }

    private record VersionKey(long taskId, int number) {
    }
}
