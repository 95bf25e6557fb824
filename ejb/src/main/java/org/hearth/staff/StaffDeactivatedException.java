package org.hearth.staff;

import jakarta.ejb.ApplicationException;

/**
 * The signed-in user's staff record is deactivated: Hearth refuses them even while the identity provider still
 * accepts their password. Already in the audit trail when thrown.
 */
@ApplicationException(rollback = true)
public class StaffDeactivatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the user is told, in pages and in the API. */
    public static final String MESSAGE = "This account is deactivated in Hearth; ask an administrator.";

    public StaffDeactivatedException() {
        super(MESSAGE);
    }
}
