package io.robofarm.orchestrator.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit log, newest first. */
interface AuditRepository extends JpaRepository<AuditEntry, Long> {

    Page<AuditEntry> findAllByOrderByIdDesc(Pageable pageable);

    Page<AuditEntry> findByTargetTypeAndTargetIdOrderByIdDesc(String targetType, String targetId, Pageable pageable);
}
