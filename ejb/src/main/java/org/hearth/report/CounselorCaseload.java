package org.hearth.report;

import java.io.Serializable;

/**
 * One counselor's caseload in figures. The families are those of the report's programs; "today" is the day the
 * report is made.
 *
 * @param counselorId the counselor (a staff member)
 * @param username their username
 * @param displayName their name
 * @param activeFamilies ACTIVE families on their caseload today (primary, or covering within the covering dates)
 * @param sessionsHeld family sessions they held in the range
 * @param overdueNotes sessions they held, ended more than 72 hours ago, without a signed note (whenever held)
 * @param overdueFollowUps open episodes of families on their caseload whose follow-up day is before today
 * @param withoutContact ACTIVE families on their caseload whose last contact (or opening, if none yet) is more than
 *     30 days before today
 */
public record CounselorCaseload(
        long counselorId,
        String username,
        String displayName,
        long activeFamilies,
        long sessionsHeld,
        long overdueNotes,
        long overdueFollowUps,
        long withoutContact)
        implements Serializable {}
