package org.hearth.groups;

import java.io.Serializable;
import java.time.Instant;
import org.hearth.messages.MessageStatus;

/**
 * A member's place in a group: enrolled, waitlisted (and where), offered a seat, or left (and why). A seat offered
 * carries when it was offered and its deadline ({@code offeredAt}, {@code offerExpiresAt}, also kept after the offer
 * ended), and where its message stands ({@code offerMessage}: null when none was written because the member may not
 * be messaged - the front desk phones them; only read with the group's enrollments).
 */
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
        LeaveReason leftReason,
        Instant offeredAt,
        Instant offerExpiresAt,
        MessageStatus offerMessage,
        long version)
        implements Serializable {

    static EnrollmentView of(Enrollment e) {
        return of(e, null);
    }

    static EnrollmentView of(Enrollment e, MessageStatus offerMessage) {
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
                e.getLeftReason(),
                e.getOfferedAt(),
                e.getOfferExpiresAt(),
                offerMessage,
                e.getVersion());
    }
}
