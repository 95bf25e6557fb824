package org.hearth.notes;

/**
 * Where a MITI 4.2.1 summary score falls against the manual's thresholds for fair and good proficiency. A
 * score exactly on a threshold reaches it: a technical score of exactly 3 is fair.
 */
public enum MitiBand {
    /** Under the fair threshold. */
    BELOW_FAIR,
    /** At or over the fair threshold, under the good one. */
    FAIR,
    /** At or over the good threshold. */
    GOOD,
    /**
     * The score cannot be computed because its denominator is zero: R:Q when the counselor asked no
     * questions, %CR when the counselor made no reflections. Not a failing score, just no score.
     */
    NOT_APPLICABLE
}
