package org.hearth.schedule;

import jakarta.ejb.ApplicationException;

/** No session has this id: 404. */
@ApplicationException(rollback = true)
public class AppointmentNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AppointmentNotFoundException(long id) {
        super("no session " + id);
    }
}
