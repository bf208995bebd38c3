package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's memory of a task's latest version, against H2: it is served without a database read
 * within its time to live, a save it hears of evicts it at once, and a save it cannot hear of (another
 * node's, written here straight to the tables) is seen once the remembered number is older than its
 * time to live. A save, a delete or a later read that lands between a read and its caching (made to
 * happen there by a hook on the repository) is never undone by the older read.
 */
@DataJpaTest
class TaskCatalogTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofMillis(200);

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskVersionRepository versions;

    @Autowired
    TestEntityManager entities;

    private final AtomicInteger latestReads = new AtomicInteger();
    /** Runs once, right after the next read of a latest version returned, before the catalog keeps it. */
    private Runnable afterNextRead = () -> { };

    private TaskCatalog catalog() {
        return new TaskCatalog(watchedTasks(), versions, new ScriptCompiler(), 10, TTL);
    }

    /** A catalog that compiled the task's first version already, so no time to live is spent compiling it. */
    private TaskCatalog catalogWithFirstVersionCompiled(Task task) {
        TaskCatalog catalog = catalog();
        catalog.version(task.getId(), 1);
        return catalog;
    }

    /** The repository, counting reads of a latest version and running {@link #afterNextRead} after one. */
    private TaskRepository watchedTasks() {
        return (TaskRepository) Proxy.newProxyInstance(TaskRepository.class.getClassLoader(),
                new Class<?>[] {TaskRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(tasks, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("findByIdAndDeletedAtIsNull")) {
                        latestReads.incrementAndGet();
                        Runnable hook = afterNextRead;
                        afterNextRead = () -> { };
                        hook.run();
                    }
                    return result;
                });
    }

    private void addVersion(Task task, String source) {
        int number = task.nextVersion(task.getName(), NOW);
        TaskDefinition definition = new TaskDefinition(task.getName(), null, source, List.of(), null, null, null, List.of())
                .withDefaults();
        versions.save(new TaskVersion(task.getId(), number, definition, NOW, "other-node"));
        tasks.saveAndFlush(task);
    }

    /** The task's row loaded anew, so changing it leaves alone the instance a read in flight got. */
    private Task reloaded(Task task) {
        entities.detach(task);
        return tasks.findById(task.getId()).orElseThrow();
    }

    private Task taskWithVersion(String name) {
        Task task = tasks.save(new Task(name, NOW));
        addVersion(task, "return 1");
        return task;
    }

    @Test
    void theLatestVersionIsReadOnceWithinTheTimeToLive() {
        Task task = taskWithVersion("remembered");
        TaskCatalog catalog = catalogWithFirstVersionCompiled(task);

        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        assertThat(latestReads).hasValue(1);
    }

    @Test
    void aVersionSavedBehindItsBackIsSeenAfterTheTimeToLive() throws InterruptedException {
        Task task = taskWithVersion("catalogued");
        TaskCatalog catalog = catalogWithFirstVersionCompiled(task);
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");

        addVersion(task, "return 2");
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        Thread.sleep(TTL.toMillis() + 50);
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
        assertThat(latestReads).hasValue(2);
    }

    @Test
    void aSaveItHearsOfIsSeenAtOnce() {
        Task task = taskWithVersion("heard");
        TaskCatalog catalog = catalog();
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");

        addVersion(task, "return 2");
        catalog.onTaskSaved(new TaskSaved(task.getId(), 2));
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
    }

    @Test
    void aSaveHeardOfWhileTheOldVersionWasBeingReadIsSeenByTheNextCall() {
        Task task = taskWithVersion("saved-meanwhile");
        TaskCatalog catalog = catalog();
        afterNextRead = () -> {
            addVersion(reloaded(task), "return 2");
            catalog.onTaskSaved(new TaskSaved(task.getId(), 2));
        };

        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
    }

    @Test
    void aDeleteHeardOfWhileTheTaskWasBeingReadIsSeenByTheNextCall() {
        Task task = taskWithVersion("deleted-meanwhile");
        TaskCatalog catalog = catalog();
        afterNextRead = () -> {
            Task deleted = reloaded(task);
            deleted.delete(NOW);
            tasks.saveAndFlush(deleted);
            catalog.onTaskDeleted(new TaskDeleted(task.getId(), task.getName()));
        };

        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        assertThatThrownBy(() -> catalog.latest(task.getId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReadThatBeganEarlierDoesNotReplaceALaterOne() {
        Task task = taskWithVersion("read-twice");
        TaskCatalog catalog = catalog();
        afterNextRead = () -> {
            addVersion(reloaded(task), "return 2");
            assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
        };

        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
        assertThat(latestReads).hasValue(2);
    }
}
