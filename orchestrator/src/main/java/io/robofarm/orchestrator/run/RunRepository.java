package io.robofarm.orchestrator.run;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Runs in the database: lookups for the API, the dispatcher's queue and row locks for state changes. */
public interface RunRepository extends JpaRepository<Run, Long> {

    /** The run with its row locked until the transaction ends, so two state changes never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Run r where r.id = :id")
    Optional<Run> lockById(@Param("id") long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Run r where r.id in :ids order by r.id")
    List<Run> lockAllById(@Param("ids") Collection<Long> ids);

    /**
     * Runs filtered by task and state when those are given. One query per combination rather than one
     * with {@code (:x is null or ...)}, which keeps the database from using the task or state index.
     */
    default Page<Run> search(Long taskId, RunState state, Pageable pageable) {
        if (taskId != null && state != null) {
            return findByTaskIdAndState(taskId, state, pageable);
        }
        if (taskId != null) {
            return findByTaskId(taskId, pageable);
        }
        return state != null ? findByState(state, pageable) : findAll(pageable);
    }

    Page<Run> findByTaskIdAndState(long taskId, RunState state, Pageable pageable);

    Page<Run> findByTaskId(long taskId, Pageable pageable);

    Page<Run> findByState(RunState state, Pageable pageable);

    /**
     * The oldest runs of the highest priority in {@code state} that may start by {@code now}. The order
     * names the state too (a single value here) so that it is the runs_queue index's order: the database
     * reads the first rows of the index instead of sorting every queued run, on every dispatch round.
     */
    @Query("select r from Run r where r.state = :state and r.notBefore <= :now"
            + " order by r.state, r.priority desc, r.queuedAt, r.id")
    List<Run> queue(@Param("state") RunState state, @Param("now") Instant now, Limit limit);

    List<Run> findByStateIn(Collection<RunState> states);

    long countByTaskIdAndStateIn(long taskId, Collection<RunState> states);

    long countByState(RunState state);
}
