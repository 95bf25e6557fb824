package org.hearth.family;

/** Where a family's case stands. A family is registered in {@code INTAKE}; completing the intake makes it {@code ACTIVE}. */
public enum FamilyStatus {
    INTAKE,
    ACTIVE,
    ON_HOLD,
    CLOSED
}
