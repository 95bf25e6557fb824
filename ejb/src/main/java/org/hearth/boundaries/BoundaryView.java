package org.hearth.boundaries;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A boundary as pages and the API show it, with its history: its reviews and its wordings, newest first, and how
 * often it was kept, broken and changed.
 *
 * @param reviewDue its review day is today or past (and it is active)
 * @param overdue its review day is past (and it is active)
 * @param lastOutcome the newest review's outcome, or null before any review
 */
public record BoundaryView(
        long id,
        long version,
        long familyId,
        BoundaryKind kind,
        String wording,
        String consequence,
        List<Holder> holders,
        LocalDate agreedOn,
        LocalDate reviewOn,
        boolean active,
        boolean reviewDue,
        boolean overdue,
        LocalDate retiredOn,
        String retiredReason,
        String createdBy,
        ReviewOutcome lastOutcome,
        int kept,
        int broken,
        int changed,
        List<ReviewView> reviews,
        List<Wording> wordings)
        implements Serializable {

    /** A family member who holds the boundary. */
    public record Holder(long memberId, String name) implements Serializable {}

    /** A wording the boundary had, from when and by whom; {@code reviewId} when agreed in a review. */
    public record Wording(String wording, String consequence, String writtenBy, Instant writtenAt, Long reviewId)
            implements Serializable {}
}
