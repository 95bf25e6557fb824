package org.hearth.staff;

import jakarta.ejb.ApplicationException;

/**
 * The username is already linked to another identity-provider account (a user deleted and created
 * again under the same name). An administrator must decide whether it is the same person.
 */
@ApplicationException(rollback = true)
public class StaffIdentityConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaffIdentityConflictException(String username) {
        super("The staff record for '" + username + "' belongs to another account; ask an administrator.");
    }
}
