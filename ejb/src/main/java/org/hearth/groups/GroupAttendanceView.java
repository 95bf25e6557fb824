package org.hearth.groups;

import java.io.Serializable;
import java.time.LocalDate;

/** One family member's attendance at one group session, for the family's record. */
public record GroupAttendanceView(
        long sessionId,
        long groupId,
        String groupName,
        LocalDate date,
        String startTime,
        long memberId,
        String memberName,
        AttendanceMark mark)
        implements Serializable {}
