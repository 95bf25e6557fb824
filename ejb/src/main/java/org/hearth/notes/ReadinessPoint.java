package org.hearth.notes;

import java.io.Serializable;
import java.time.LocalDate;
import org.hearth.family.StageOfChange;

/**
 * One member's readiness ruler in one signed note, for the family's trend: the session it was taken in (the
 * clinic's date) and what the counselor recorded. Each ruler is from 0 to 10 and, like the stage of change,
 * may have been left out.
 */
public record ReadinessPoint(
        long noteId,
        long memberId,
        String memberName,
        LocalDate sessionDate,
        Integer importance,
        Integer confidence,
        Integer readiness,
        StageOfChange stage)
        implements Serializable {}
