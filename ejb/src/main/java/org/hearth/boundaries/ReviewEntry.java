package org.hearth.boundaries;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A boundary's review as the counselor records it in a session note.
 *
 * @param boundaryId the boundary (one of the note's family's, active)
 * @param outcome kept, broken or changed
 * @param whatHappened what happened (required when broken)
 * @param newWording the new wording (changed: this or a new consequence is required)
 * @param newConsequence the new consequence
 * @param nextReviewOn the next review day (after the session); null: {@value BoundaryRules#REVIEW_AFTER_DAYS} days
 *     after the session
 */
public record ReviewEntry(
        Long boundaryId,
        ReviewOutcome outcome,
        String whatHappened,
        String newWording,
        String newConsequence,
        LocalDate nextReviewOn)
        implements Serializable {}
