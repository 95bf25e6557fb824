package org.hearth.audit;

import java.util.List;
import java.util.Objects;

/**
 * What happened, before the audit trail adds who, when and from where.
 *
 * @param action what was done
 * @param entityType the kind of record or page ({@code "StaffMember"}, {@code "Page"}), or null
 * @param entityId the record's id or the page's path, or null
 * @param familyId the family the record belongs to, or null
 * @param outcome allowed or denied
 * @param reason why it was denied, or the reason given for an access; never clinical content
 */
public record AuditEvent(
        AuditAction action, String entityType, String entityId, Long familyId, AuditOutcome outcome, String reason) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEvent allowed(AuditAction action, String entityType, Object entityId) {
        return new AuditEvent(
                action, entityType, entityId == null ? null : entityId.toString(), null, AuditOutcome.ALLOWED, null);
    }

    /** An allowed listing of several records (a search): their ids go into the reason, which holds up to 1000 characters. */
    public static AuditEvent listed(AuditAction action, String entityType, List<Long> ids) {
        return new AuditEvent(
                action, entityType, null, null, AuditOutcome.ALLOWED, "listed " + ids.size() + ": " + ids);
    }

    /** An allowed access to a record of one family. */
    public static AuditEvent allowedOnFamily(AuditAction action, String entityType, Object entityId, long familyId) {
        return new AuditEvent(
                action,
                entityType,
                entityId == null ? null : entityId.toString(),
                familyId,
                AuditOutcome.ALLOWED,
                null);
    }

    public static AuditEvent denied(AuditAction action, String entityType, Object entityId, String reason) {
        return new AuditEvent(
                action, entityType, entityId == null ? null : entityId.toString(), null, AuditOutcome.DENIED, reason);
    }

    /** A refusal to touch one family's records: the entry names the family asked for. */
    public static AuditEvent deniedOnFamily(AuditAction action, long familyId, String reason) {
        return new AuditEvent(action, "Family", Long.toString(familyId), familyId, AuditOutcome.DENIED, reason);
    }
}
