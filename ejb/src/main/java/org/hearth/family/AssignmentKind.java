package org.hearth.family;

/** A counselor's responsibility for a family: the primary counselor, or one covering for a date range. */
public enum AssignmentKind {
    PRIMARY,
    COVERING
}
