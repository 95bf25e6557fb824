package org.hearth.family;

import java.io.Serializable;
import java.time.Instant;

/** An emergency access as the counselor and the reviewing supervisor see it. */
public record EmergencyAccessView(
        long id,
        long familyId,
        String caseNumber,
        String familyName,
        String counselorUsername,
        String counselorName,
        String reason,
        Instant grantedAt,
        Instant endedAt,
        String reviewedBy,
        Instant reviewedAt,
        String reviewNote)
        implements Serializable {

    static EmergencyAccessView of(EmergencyAccess access) {
        return new EmergencyAccessView(
                access.getId(),
                access.getFamily().getId(),
                access.getFamily().getCaseNumber().toString(),
                access.getFamily().getName(),
                access.getStaff().getUsername(),
                access.getStaff().getDisplayName(),
                access.getReason(),
                access.getGrantedAt(),
                access.getEndedAt(),
                access.getReviewedBy(),
                access.getReviewedAt(),
                access.getReviewNote());
    }
}
