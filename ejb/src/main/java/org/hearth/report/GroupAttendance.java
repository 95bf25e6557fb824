package org.hearth.report;

import java.io.Serializable;

/**
 * How members attended one support group's meetings in the range (cancelled meetings left out).
 *
 * @param groupId the support group
 * @param groupName its name
 * @param meetings meetings with at least one attendance mark
 * @param attended marks PRESENT or LATE, of the marks PRESENT, LATE or ABSENT (an excused absence is not counted
 *     against the rate)
 * @param excused marks EXCUSED
 */
public record GroupAttendance(long groupId, String groupName, long meetings, Share attended, long excused)
        implements Serializable {}
