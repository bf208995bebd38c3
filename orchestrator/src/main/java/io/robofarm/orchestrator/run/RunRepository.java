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

    /** Runs filtered by task and state when those are given. */
    @Query("select r from Run r where (:taskId is null or r.taskId = :taskId) and (:state is null or r.state = :state)")
    Page<Run> search(@Param("taskId") Long taskId, @Param("state") RunState state, Pageable pageable);

    /** The oldest runs of the highest priority in {@code state} that may start by {@code now}. */
    List<Run> findByStateAndNotBeforeLessThanEqualOrderByPriorityDescQueuedAtAscIdAsc(RunState state, Instant now,
                                                                                     Limit limit);

    List<Run> findByStateIn(Collection<RunState> states);

    long countByTaskIdAndStateIn(long taskId, Collection<RunState> states);

    long countByState(RunState state);
}
