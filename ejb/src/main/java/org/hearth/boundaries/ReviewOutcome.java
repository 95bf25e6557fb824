package org.hearth.boundaries;

/**
 * How a boundary stood since it was last looked at, as the family tells it in a session: kept, broken (with what
 * happened), or changed (with its new wording or consequence).
 */
public enum ReviewOutcome {
    KEPT,
    BROKEN,
    CHANGED
}
