package org.hearth.boundaries;

/** The kinds of boundary families in these programs are taught to set; {@link #OTHER} when none fits. */
public enum BoundaryKind {
    NO_USE_AT_HOME,
    NO_MONEY_GIVEN,
    CURFEW,
    NO_DRUGS_IN_THE_HOUSE,
    NO_RIDES_OR_ERRANDS_WHILE_USING,
    NOT_COVERING_FOR_THEM,
    VISITS_ONLY_SOBER,
    OTHER
}
