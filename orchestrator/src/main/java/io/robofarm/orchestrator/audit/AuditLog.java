package io.robofarm.orchestrator.audit;

import io.robofarm.orchestrator.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Records who changed which task, schedule or user, and when. Called inside the change's own
 * transaction, so an entry exists exactly when the change was committed.
 */
@Service
public class AuditLog {
    private static final int MAX_DETAIL = 2000;

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * @param action     what happened, e.g. {@code CREATE}, {@code UPDATE}, {@code DELETE}, {@code PAUSE}
     * @param targetType what it happened to, e.g. {@code TASK}, {@code SCHEDULE}, {@code USER}
     * @param targetId   the id or name of the target
     * @param detail     a short human-readable summary (cut to 2000 chars); never a secret
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, String targetId, String detail) {
        String text = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        entries.save(new AuditEntry(clock.instant(), CurrentUser.name(), action, targetType, targetId, text));
    }

    /** A page of entries, newest first, optionally only those about one target. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> page(String targetType, String targetId, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        if (targetType != null && targetId != null) {
            return entries.findByTargetTypeAndTargetIdOrderByIdDesc(targetType, targetId, request);
        }
        return entries.findAllByOrderByIdDesc(request);
    }
}
