package org.hearth.groups;

/** How a member attended one group session. */
public enum AttendanceMark {
    PRESENT,
    LATE,
    ABSENT,
    EXCUSED
}
