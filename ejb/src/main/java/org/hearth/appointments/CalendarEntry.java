package org.hearth.appointments;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One booked slot on a week calendar, in the clinic's local time. {@code familyName} and {@code familyId}
 * are null where the viewer may not know which family it is: they then see only that the counselor and the
 * room are busy. A support group's meeting has its {@code groupName} and no family.
 */
public record CalendarEntry(
        long id,
        LocalDateTime start,
        LocalDateTime end,
        AppointmentKind kind,
        AppointmentStatus status,
        String counselorUsername,
        String counselorName,
        String roomName,
        boolean telehealth,
        Long familyId,
        String familyName,
        String groupName)
        implements Serializable {

    /** Whether the viewer may see which family this is, or it is a group's meeting (groups are not secret). */
    public boolean named() {
        return familyName != null || groupName != null;
    }
}
