package org.hearth.appointments;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** No session has this id: 404. */
@ApplicationException(rollback = true)
public class AppointmentNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public AppointmentNotFoundException(long id) {
        super("no session " + id);
    }
}
