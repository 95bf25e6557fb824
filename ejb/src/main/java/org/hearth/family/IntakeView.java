package org.hearth.family;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A family's intake for its counselor (to edit while a draft) or its supervisor (to read), with the
 * members whose readiness is asked and the flags derived from the safety screen.
 */
public record IntakeView(
        long familyId,
        String caseNumber,
        String familyName,
        IntakeState state,
        IntakeForm form,
        List<Participant> participants,
        boolean safetyFlag,
        List<SafetyScreen.FlagReason> flagReasons,
        boolean offerNaloxone,
        String updatedBy,
        Instant updatedAt,
        String completedBy,
        Instant completedAt)
        implements Serializable {

    /** A member who takes part, whose readiness ruler the intake records. */
    public record Participant(long memberId, String fullName, Relationship relationship) implements Serializable {}
}
