package io.robofarm.orchestrator.task;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** Tasks; deleted ones stay in the table for their history and are filtered out here. */
interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByIdAndDeletedAtIsNull(long id);

    List<Task> findByDeletedAtIsNullOrderByNameAsc();

    boolean existsByLiveName(String liveName);

    boolean existsByLiveNameAndIdNot(String liveName, long id);
}
