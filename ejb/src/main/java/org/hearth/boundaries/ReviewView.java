package org.hearth.boundaries;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A boundary's review as pages and the API show it.
 *
 * @param kind the boundary's kind
 * @param boundaryWording the boundary's wording as it now stands
 * @param noteId the session note it was made in
 * @param sessionDay the day of that session, which names it
 * @param wording for a change, the new wording; otherwise null
 * @param consequence for a change, the new consequence; otherwise null
 * @param reviewerName who recorded it
 * @param open whether it may still be corrected (its note is a draft)
 */
public record ReviewView(
        long id,
        long version,
        long boundaryId,
        BoundaryKind kind,
        String boundaryWording,
        long noteId,
        LocalDate sessionDay,
        ReviewOutcome outcome,
        String whatHappened,
        String wording,
        String consequence,
        LocalDate nextReviewOn,
        String reviewerName,
        boolean open)
        implements Serializable {}
