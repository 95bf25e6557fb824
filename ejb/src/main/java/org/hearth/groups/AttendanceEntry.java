package org.hearth.groups;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** One member's mark for a session, as the attendance form sends it. */
public record AttendanceEntry(
        @NotNull(message = "{group.attendance.member.required}") Long memberId,
        @NotNull(message = "{group.attendance.mark.required}") AttendanceMark mark)
        implements Serializable {}
