package org.hearth.consent;

/**
 * What a consent lets the program disclose about the member. The first three nest: a full record includes
 * the summary, which includes attendance. The SUD counseling notes (the text of session notes) are never
 * part of them: the 2024 Part 2 rule asks for a consent of their own, and {@link #COUNSELING_NOTES} covers
 * only them.
 */
public enum DisclosureScope {
    /** The sessions and group meetings the member was booked for and attended. */
    ATTENDANCE,
    /** Attendance, plus the member's time in the program, counselor and readiness over time. */
    SUMMARY,
    /** The summary, plus the list of sessions with their kind and counselor and the groups joined. */
    FULL_RECORD,
    /**
     * The signed notes of the family sessions and group meetings the member attended, every other member's
     * name taken out, and nothing else.
     */
    COUNSELING_NOTES;

    /** Whether a consent at this level allows disclosing {@code requested}. */
    public boolean covers(DisclosureScope requested) {
        if (this == COUNSELING_NOTES || requested == COUNSELING_NOTES) {
            return this == requested;
        }
        return compareTo(requested) >= 0;
    }
}
