package io.robofarm.orchestrator.task;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's memory of a task's latest version, against H2: a save it hears of evicts it at once,
 * and a save it cannot hear of (another node's, written here straight to the tables) is seen once the
 * remembered number is older than its time to live.
 */
@DataJpaTest
class TaskCatalogTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofMillis(200);

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskVersionRepository versions;

    private TaskCatalog catalog() {
        return new TaskCatalog(tasks, versions, new ScriptCompiler(), 10, TTL);
    }

    private void addVersion(Task task, String source) {
        int number = task.nextVersion(task.getName(), NOW);
        TaskDefinition definition = new TaskDefinition(task.getName(), null, source, List.of(), null, null, null, List.of())
                .withDefaults();
        versions.save(new TaskVersion(task.getId(), number, definition, NOW, "other-node"));
        tasks.saveAndFlush(task);
    }

    @Test
    void aVersionSavedBehindItsBackIsSeenAfterTheTimeToLive() throws InterruptedException {
        Task task = tasks.save(new Task("catalogued", NOW));
        addVersion(task, "return 1");
        TaskCatalog catalog = catalog();
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");

        addVersion(task, "return 2");
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");
        Thread.sleep(TTL.toMillis() + 50);
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
    }

    @Test
    void aSaveItHearsOfIsSeenAtOnce() {
        Task task = tasks.save(new Task("heard", NOW));
        addVersion(task, "return 1");
        TaskCatalog catalog = catalog();
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 1");

        addVersion(task, "return 2");
        catalog.onTaskSaved(new TaskSaved(task.getId(), 2));
        assertThat(catalog.latest(task.getId()).source()).isEqualTo("return 2");
    }
}
