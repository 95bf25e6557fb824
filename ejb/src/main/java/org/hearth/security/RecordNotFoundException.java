package org.hearth.security;

import jakarta.ejb.ApplicationException;

/**
 * No record of this kind has the id asked for. The API answers it exactly as it answers an id of a record the
 * caller may not touch ({@link AccessDeniedException}): 403 with the same words, and both are in the audit
 * trail, so whether a record exists is never told to someone who may not see it.
 */
@ApplicationException(rollback = true)
public abstract class RecordNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private boolean audited;

    protected RecordNotFoundException(String message) {
        super(message);
    }

    /** True once the refusal is in the audit trail, so an id passing through two services is written once. */
    public boolean isAudited() {
        return audited;
    }

    public void markAudited() {
        this.audited = true;
    }
}
