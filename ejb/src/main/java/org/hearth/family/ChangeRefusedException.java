package org.hearth.family;

import jakarta.ejb.ApplicationException;

/**
 * The change breaks a rule of the record itself (members are never removed, ...): bad input, answered
 * with 400; the message says which rule. Nothing is saved.
 */
@ApplicationException(rollback = true)
public class ChangeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChangeRefusedException(String message) {
        super(message);
    }
}
