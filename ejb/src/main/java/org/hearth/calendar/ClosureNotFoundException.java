package org.hearth.calendar;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** No clinic closure has this id. */
@ApplicationException(rollback = true)
public class ClosureNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public ClosureNotFoundException(long id) {
        super("no clinic closure " + id);
    }
}
