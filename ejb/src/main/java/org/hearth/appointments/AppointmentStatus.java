package org.hearth.appointments;

import java.util.EnumSet;
import java.util.Set;

/** Where a family session stands. Cancelled sessions and no-shows free the time they held. */
public enum AppointmentStatus {
    SCHEDULED,
    CHECKED_IN,
    COMPLETED,
    NO_SHOW,
    CANCELLED_BY_FAMILY,
    CANCELLED_BY_CLINIC;

    /** The statuses that hold the counselor's, the room's and the members' time. */
    public static final Set<AppointmentStatus> HOLDING_TIME = EnumSet.of(SCHEDULED, CHECKED_IN, COMPLETED);
}
