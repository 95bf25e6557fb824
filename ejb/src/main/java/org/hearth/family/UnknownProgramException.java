package org.hearth.family;

import jakarta.ejb.ApplicationException;

/** The family was to be registered in a program that does not exist. */
@ApplicationException(rollback = true)
public class UnknownProgramException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownProgramException(long programId) {
        super("There is no program " + programId + ".");
    }
}
