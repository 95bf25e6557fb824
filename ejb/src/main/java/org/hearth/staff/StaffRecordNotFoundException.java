package org.hearth.staff;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** No staff member or program has the id asked for. */
@ApplicationException(rollback = true)
public class StaffRecordNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public StaffRecordNotFoundException(String kind, long id) {
        super("there is no " + kind + " " + id);
    }
}
