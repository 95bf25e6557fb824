package org.hearth.consent;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** There is no consent with that id. */
@ApplicationException(rollback = true)
public class ConsentNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public ConsentNotFoundException(long id) {
        super("no consent " + id);
    }
}
