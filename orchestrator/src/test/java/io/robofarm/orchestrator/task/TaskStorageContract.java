package io.robofarm.orchestrator.task;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What task storage must do on every database the farm supports, against the real Flyway schema:
 * live-name uniqueness, soft deletion and the latest-version query. One subclass per database.
 */
@Transactional
abstract class TaskStorageContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskVersionRepository versions;

    private Task saved(String name, String... sources) {
        Task task = tasks.save(new Task(name, NOW));
        for (String source : sources) {
            int number = task.nextVersion(name, NOW);
            versions.save(new TaskVersion(task.getId(), number, definition(name, source), NOW, "tester"));
        }
        return tasks.saveAndFlush(task);
    }

    private static TaskDefinition definition(String name, String source) {
        return new TaskDefinition(name, null, source, List.of(new TaskParameter("p", ParameterType.STRING, "x", null)),
                null, null, null, List.of("log")).withDefaults();
    }

    @Test
    void theLatestVersionOfEachLiveTaskIsFoundWithItsParametersAndModules() {
        Task a = saved("a", "return 1", "return 2");
        Task b = saved("b", "return 3");
        Task gone = saved("gone", "return 4");
        gone.delete(NOW);
        tasks.saveAndFlush(gone);

        List<Long> ids = List.of(a.getId(), b.getId(), gone.getId());
        List<TaskVersion> latest = versions.findLatestOfLiveTasks().stream().filter(v -> ids.contains(v.getTaskId())).toList();
        assertThat(latest).extracting(TaskVersion::getTaskId, TaskVersion::getSource)
                .containsExactlyInAnyOrder(Tuple.tuple(a.getId(), "return 2"),
                        Tuple.tuple(b.getId(), "return 3"));
        assertThat(latest.get(0).getParameters()).containsExactly(new TaskParameter("p", ParameterType.STRING, "x", ""));
        assertThat(latest.get(0).getModules()).containsExactly("log");
        assertThat(versions.findByTaskIdOrderByNumberDesc(a.getId())).extracting(TaskVersion::getNumber).containsExactly(2, 1);
    }

    @Test
    void theDatabaseKeepsLiveNamesUnique() {
        saved("taken", "return 1");
        assertThatThrownBy(() -> saved("taken", "return 2")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aDeletedTaskFreesItsName() {
        Task first = saved("same", "return 1");
        tasks.findById(first.getId()).orElseThrow().delete(NOW);
        tasks.flush();
        Task second = saved("same", "return 3");
        assertThat(tasks.findByIdAndDeletedAtIsNull(first.getId())).isEmpty();
        assertThat(tasks.findByIdAndDeletedAtIsNull(second.getId())).isPresent();
        assertThat(tasks.existsByLiveName("same")).isTrue();
    }
}
