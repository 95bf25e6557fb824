package org.hearth.groups;

import java.io.Serializable;
import java.util.List;
import org.hearth.staff.StaffMember;

/**
 * A support group as a page or the API shows it, with its sessions in time order, the seats taken (members
 * enrolled or offered a freed seat) and how many wait.
 */
public record SupportGroupView(
        long id,
        String name,
        GroupKind kind,
        String language,
        long programId,
        String programName,
        long roomId,
        String roomName,
        int capacity,
        boolean openEnrollment,
        List<String> facilitatorUsernames,
        String recurrence,
        List<GroupSessionView> sessions,
        long seatsTaken,
        long waitlisted,
        long version)
        implements Serializable {

    public SupportGroupView {
        facilitatorUsernames = List.copyOf(facilitatorUsernames);
        sessions = List.copyOf(sessions);
    }

    static SupportGroupView of(SupportGroup g, List<GroupSession> sessions, long seatsTaken, long waitlisted) {
        return new SupportGroupView(
                g.getId(),
                g.getName(),
                g.getKind(),
                g.getLanguage(),
                g.getProgram().getId(),
                g.getProgram().getName(),
                g.getRoom().getId(),
                g.getRoom().getName(),
                g.getCapacity(),
                g.isOpenEnrollment(),
                g.getFacilitators().stream().map(StaffMember::getUsername).toList(),
                g.getRecurrenceText(),
                sessions.stream().map(GroupSessionView::of).toList(),
                seatsTaken,
                waitlisted,
                g.getVersion());
    }
}
