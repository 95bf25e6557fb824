package org.hearth.groups;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A family's support groups, for its record: each member's place in a group (enrolled, offered a seat, or
 * waiting, with the group's next meeting), and the group meetings ahead for its members who hold a seat.
 */
public record FamilyGroups(List<Place> places, List<Meeting> ahead) implements Serializable {

    public FamilyGroups {
        places = List.copyOf(places);
        ahead = List.copyOf(ahead);
    }

    /** One member's place in one group; {@code nextDate} is null when the group has no meeting ahead. */
    public record Place(
            long enrollmentId,
            long groupId,
            String groupName,
            long memberId,
            String memberName,
            EnrollmentStatus status,
            int position,
            LocalDate nextDate,
            String nextTime)
            implements Serializable {}

    /** A meeting ahead of a group some of the family's members hold a seat in, and which of them. */
    public record Meeting(
            long sessionId,
            long groupId,
            String groupName,
            LocalDate date,
            String startTime,
            String endTime,
            String roomName,
            GroupSessionStatus status,
            List<String> memberNames)
            implements Serializable {

        public Meeting {
            memberNames = List.copyOf(memberNames);
        }
    }
}
