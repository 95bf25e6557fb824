package org.hearth.family;

/** How far a family's intake is: not begun, saved as a draft, or completed (then it is read-only). */
public enum IntakeState {
    NOT_STARTED,
    DRAFT,
    COMPLETED
}
