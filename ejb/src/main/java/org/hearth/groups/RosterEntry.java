package org.hearth.groups;

import java.io.Serializable;

/**
 * A member expected at a session (enrolled in the group) or already marked for it, with the mark recorded
 * so far (null when none).
 */
public record RosterEntry(long memberId, String memberName, long familyId, AttendanceMark mark)
        implements Serializable {}
