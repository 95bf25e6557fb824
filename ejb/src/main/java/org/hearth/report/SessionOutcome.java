package org.hearth.report;

/** What became of a family session the family was expected at. */
public enum SessionOutcome {
    /** The family came: checked in or held. */
    KEPT,
    /** Nobody came. */
    NO_SHOW,
    /** The family cancelled less than 24 hours before the start. */
    LATE_CANCEL
}
