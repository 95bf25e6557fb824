package org.hearth.notes;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** No note has this id. Answered 404. */
@ApplicationException(rollback = true)
public class NoteNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public NoteNotFoundException(long id) {
        super("no session note " + id);
    }
}
