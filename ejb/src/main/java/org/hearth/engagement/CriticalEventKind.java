package org.hearth.engagement;

/**
 * A dangerous or destabilising event in the loved one's life, which the counselor should act on. Every one opens a
 * window of opportunity ({@link WindowOfOpportunity}).
 */
public enum CriticalEventKind {
    /** The loved one overdosed and survived. */
    NON_FATAL_OVERDOSE,
    /** The loved one went to an emergency department. */
    EMERGENCY_VISIT,
    /** The loved one was arrested or is in legal trouble. */
    ARREST_OR_LEGAL,
    /** The loved one lost their job. */
    JOB_LOSS,
    /** The loved one lost their home. */
    HOUSING_LOSS,
    /** Someone used naloxone on the loved one. */
    NALOXONE_USED,
    /** The loved one was admitted to a hospital. */
    HOSPITAL_STAY
}
