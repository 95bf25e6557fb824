package org.hearth.engagement;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** No episode (or no event of that episode) has this id. Answered 404. */
@ApplicationException(rollback = true)
public class EpisodeNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public EpisodeNotFoundException(long id) {
        super("no episode or event " + id);
    }
}
