package org.hearth.report;

/** What the caseload figures count per counselor (see {@link CounselorCaseload}). */
public enum CaseloadMeasure {
    /** Families on the caseload today whose status is ACTIVE; the list holds families. */
    ACTIVE_FAMILIES,
    /** Family sessions the counselor held in the range; the list holds sessions (appointments). */
    SESSIONS_HELD,
    /** Sessions the counselor held whose note is overdue (72 hours after the end); the list holds sessions. */
    OVERDUE_NOTES,
    /** Open episodes of families on the caseload whose follow-up day has passed; the list holds episodes. */
    OVERDUE_FOLLOW_UPS,
    /** ACTIVE families on the caseload without contact for more than 30 days; the list holds families. */
    NO_CONTACT
}
