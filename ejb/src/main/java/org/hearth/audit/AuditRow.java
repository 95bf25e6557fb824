package org.hearth.audit;

import java.io.Serializable;
import java.time.Instant;

/** One audit entry as the review page lists it. */
public record AuditRow(
        long seq,
        Instant occurredAt,
        String username,
        String roles,
        AuditAction action,
        String entityType,
        String entityId,
        Long familyId,
        String clientAddress,
        AuditOutcome outcome,
        String reason)
        implements Serializable {}
