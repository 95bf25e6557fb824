package org.hearth.messages;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's messages as the family's staff see them: where they stand ({@code state}), whether the member chose to
 * receive none ({@code optedOut}), when that choice was last changed ({@code changedOn}, the clinic's day) and by whom
 * ({@code changedBy}: "link" for the member's own link, else the staff member), with the member's word the staff
 * recorded. {@code version} is sent back with a change (0 while the member never chose).
 */
public record MessageChoiceView(
        long memberId,
        long familyId,
        String memberName,
        MessagesState state,
        boolean optedOut,
        Instant changedAt,
        LocalDate changedOn,
        String changedBy,
        String memberWord,
        long version)
        implements Serializable {

    /** Who changed the choice when the member used their own link. */
    public static final String BY_LINK = "link";
}
