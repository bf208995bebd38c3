package io.robofarm.orchestrator.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Read access to the audit log. */
@RestController
@RequestMapping("/api/audit")
class AuditController {
    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    AuditPage list(@RequestParam(required = false) String targetType,
                   @RequestParam(required = false) String targetId,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<AuditEntry> entries = auditLog.page(targetType, targetId, page, size);
        return new AuditPage(entries.getContent().stream().map(AuditView::of).toList(), page, size,
                entries.getTotalElements(), entries.getTotalPages());
    }

    /** A page of entries, newest first, shaped like the other paged lists of the API. */
    record AuditPage(List<AuditView> content, int page, int size, long totalElements, int totalPages) {
    }

    record AuditView(long id, Instant at, String username, String action, String targetType, String targetId, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.getId(), e.getOccurredAt(), e.getUsername(), e.getAction(), e.getTargetType(),
                    e.getTargetId(), e.getDetail());
        }
    }
}
