package org.hearth.appointments;

import java.io.Serializable;
import java.util.List;
import org.hearth.calendar.RoomChoice;

/**
 * What the booking form offers for one family: its members (those taking part first chosen), the
 * counselors who may lead the session (the front desk: the program's counselors; a counselor: themselves),
 * the rooms, and the family's primary counselor as the default.
 */
public record BookingChoices(
        long familyId,
        String caseNumber,
        String familyName,
        List<Member> members,
        List<Counselor> counselors,
        List<RoomChoice> rooms,
        String primaryCounselorUsername)
        implements Serializable {

    public BookingChoices {
        members = List.copyOf(members);
        counselors = List.copyOf(counselors);
        rooms = List.copyOf(rooms);
    }

    /** A member who may attend. */
    public record Member(long id, String fullName, boolean participates) implements Serializable {}

    /** A counselor who may lead the session. */
    public record Counselor(String username, String displayName) implements Serializable {}
}
