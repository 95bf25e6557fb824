package org.hearth.audit;

/** Whether the access was allowed or refused. */
public enum AuditOutcome {
    ALLOWED,
    DENIED
}
