package org.hearth.boundaries;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The session notes boundaries are reviewed in, as the notes feature tells them (it implements this as an
 * application-scoped bean), so that this package never depends on the notes package.
 */
public interface ReviewingNotes {

    /** The note, or empty when there is no session note with this id. */
    Optional<ReviewingNote> find(long noteId);

    /** Which of these notes are still drafts (their reviews may be corrected), in one query. */
    Set<Long> draftsAmong(Collection<Long> noteIds);
}
