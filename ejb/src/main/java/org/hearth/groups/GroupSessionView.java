package org.hearth.groups;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.calendar.Times;
import org.hearth.time.ClinicTime;

/** One session of a group as a page or the API shows it, with its local date and times in the clinic's zone. */
public record GroupSessionView(
        long id,
        long groupId,
        String groupName,
        LocalDate occursOn,
        LocalDate date,
        String startTime,
        String endTime,
        Instant startsAt,
        Instant endsAt,
        long roomId,
        String roomName,
        GroupSessionStatus status,
        boolean edited,
        String substituteUsername,
        String cancelReason,
        long version)
        implements Serializable {

    static GroupSessionView of(GroupSession s) {
        return new GroupSessionView(
                s.getId(),
                s.getGroup().getId(),
                s.getGroup().getName(),
                s.getOccursOn(),
                s.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                Times.time(s.getStartsAt()),
                Times.time(s.getEndsAt()),
                s.getStartsAt(),
                s.getEndsAt(),
                s.getRoom().getId(),
                s.getRoom().getName(),
                s.getStatus(),
                s.isEdited(),
                s.getSubstitute() == null ? null : s.getSubstitute().getUsername(),
                s.getCancelReason(),
                s.getVersion());
    }
}
