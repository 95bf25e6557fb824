package org.hearth.wellbeing;

/**
 * Why a measure was taken: a member's first of an instrument is their intake measure, every later one a
 * follow-up. Hearth decides it from the member's earlier measures, so the report's intake is always the first.
 */
public enum Occasion {
    INTAKE,
    FOLLOW_UP
}
