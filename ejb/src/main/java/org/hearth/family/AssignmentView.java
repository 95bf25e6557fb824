package org.hearth.family;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One line of a family's assignment history: who, what kind, for when, why, set and ended by whom. */
public record AssignmentView(
        String counselorUsername,
        String counselorName,
        AssignmentKind kind,
        LocalDate startsOn,
        LocalDate endsOn,
        String reason,
        String assignedBy,
        Instant assignedAt,
        String endedBy,
        Instant endedAt)
        implements Serializable {

    static AssignmentView of(Assignment assignment) {
        return new AssignmentView(
                assignment.getCounselor().getUsername(),
                assignment.getCounselor().getDisplayName(),
                assignment.getKind(),
                assignment.getStartsOn(),
                assignment.getEndsOn(),
                assignment.getReason(),
                assignment.getAssignedBy(),
                assignment.getAssignedAt(),
                assignment.getEndedBy(),
                assignment.getEndedAt());
    }

    /** The same line without its reason, which may tell clinical detail (for the front desk's view). */
    AssignmentView withoutReason() {
        return new AssignmentView(
                counselorUsername,
                counselorName,
                kind,
                startsOn,
                endsOn,
                null,
                assignedBy,
                assignedAt,
                endedBy,
                endedAt);
    }
}
