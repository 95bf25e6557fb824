package org.hearth.groups;

import java.util.EnumSet;
import java.util.Set;

/**
 * A family member's place in a group. An offered seat is held for the member it was offered to until they
 * accept it (enrolled) or leave (the seat passes to the next on the waitlist).
 */
public enum EnrollmentStatus {
    ENROLLED,
    WAITLISTED,
    OFFERED,
    LEFT;

    /** The statuses that take one of the group's seats. */
    public static final Set<EnrollmentStatus> HOLDING_SEAT = EnumSet.of(ENROLLED, OFFERED);

    /** The statuses of a member still in the group or waiting for it. */
    public static final Set<EnrollmentStatus> ACTIVE = EnumSet.of(ENROLLED, WAITLISTED, OFFERED);
}
