package org.hearth.family;

import jakarta.ejb.ApplicationException;

/** The assignment breaks a rule (not a counselor of the program, no reason for a reassignment, ...); the message says which. */
@ApplicationException(rollback = true)
public class AssignmentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AssignmentRefusedException(String message) {
        super(message);
    }
}
