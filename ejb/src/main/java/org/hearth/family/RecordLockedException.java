package org.hearth.family;

import jakarta.ejb.ApplicationException;

/** The change is refused because of where the record stands (a completed intake, a closed family); nothing is changed. */
@ApplicationException(rollback = true)
public class RecordLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordLockedException(String message) {
        super(message);
    }
}
