package io.robofarm.orchestrator.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Schedules in the database. */
public interface ScheduleRepository extends JpaRepository<Schedule, Long> {
    List<Schedule> findAllByOrderByIdAsc();

    List<Schedule> findByTaskId(long taskId);
}
