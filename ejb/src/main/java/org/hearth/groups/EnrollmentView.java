package org.hearth.groups;

import java.io.Serializable;
import java.time.Instant;

/** A member's place in a group: enrolled, waitlisted (and where), offered a seat, or left. */
public record EnrollmentView(
        long id,
        long groupId,
        long memberId,
        String memberName,
        long familyId,
        EnrollmentStatus status,
        int position,
        Instant enrolledAt,
        Instant leftAt,
        long version)
        implements Serializable {

    static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(
                e.getId(),
                e.getGroup().getId(),
                e.getMember().getId(),
                e.getMember().getFullName(),
                e.getMember().getFamily().getId(),
                e.getStatus(),
                e.getPosition(),
                e.getEnrolledAt(),
                e.getLeftAt(),
                e.getVersion());
    }
}
