package org.hearth.engagement;

/** What an event in an engagement episode records. */
public enum EventKind {
    /** Treatment was offered to the loved one, by someone, with an answer. */
    TREATMENT_OFFERED,
    /** The episode moved from one {@link EpisodeStatus} to another. */
    STATUS_CHANGE,
    /** The counselor observed the loved one's stage of change. */
    STAGE_OBSERVED,
    /** Something dangerous happened to the loved one (a {@link CriticalEventKind}). */
    CRITICAL_EVENT,
    /** A {@link HarmReduction} step was taken. */
    HARM_REDUCTION,
    /** The family used a {@link FamilyStrategy}. */
    FAMILY_STRATEGY,
    /** The counselor set the date of the next follow-up. */
    FOLLOW_UP_SET,
    /** The counselor addressed a raised risk alert. */
    RISK_ADDRESSED
}
