package org.hearth.staff;

import jakarta.ejb.ApplicationException;

/** The program is closed: it takes no new families, support groups or staff. */
@ApplicationException(rollback = true)
public class ProgramClosedException extends StaffChangeRefusedException {

    private static final long serialVersionUID = 1L;

    public ProgramClosedException(Program program) {
        super("program.closed", program.getName());
    }
}
