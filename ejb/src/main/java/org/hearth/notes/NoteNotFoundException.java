package org.hearth.notes;

import jakarta.ejb.ApplicationException;

/** No note has this id. Answered 404. */
@ApplicationException(rollback = true)
public class NoteNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoteNotFoundException(long id) {
        super("no session note " + id);
    }
}
