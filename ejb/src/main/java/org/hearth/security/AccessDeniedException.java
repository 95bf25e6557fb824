package org.hearth.security;

import jakarta.ejb.ApplicationException;

/**
 * The caller may not do this to this record. The web layer answers it with 403; the service layer has
 * already written the denial to the audit trail. The message names the rule, never clinical content.
 */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Long familyId;

    private boolean audited;

    public AccessDeniedException(String message) {
        this(message, null);
    }

    /** A refusal concerning one family's records: the audit entry names the family asked for. */
    public AccessDeniedException(String message, Long familyId) {
        super(message);
        this.familyId = familyId;
    }

    /** The family whose records were asked for, or null when the refusal is not about one family. */
    public Long getFamilyId() {
        return familyId;
    }

    /** True once the denial is in the audit trail, so a denial passing through two services is written once. */
    public boolean isAudited() {
        return audited;
    }

    public void markAudited() {
        this.audited = true;
    }
}
