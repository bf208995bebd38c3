package io.robofarm.orchestrator.task;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

/** Immutable task versions, found by task and number. */
interface TaskVersionRepository extends JpaRepository<TaskVersion, Long> {

    Optional<TaskVersion> findByTaskIdAndNumber(long taskId, int number);

    List<TaskVersion> findByTaskIdOrderByNumberDesc(long taskId);

    @Query("select v from TaskVersion v, Task t where t.id = v.taskId and v.number = t.latestVersion and t.deletedAt is null")
    List<TaskVersion> findLatestOfLiveTasks();
}
