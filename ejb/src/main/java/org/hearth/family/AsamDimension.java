package org.hearth.family;

/** The six ASAM Criteria dimensions, in their standard order; each loved one is rated 0 to 4 on each. */
public enum AsamDimension {
    INTOXICATION_WITHDRAWAL,
    BIOMEDICAL,
    EMOTIONAL_BEHAVIORAL,
    READINESS_TO_CHANGE,
    RELAPSE_POTENTIAL,
    RECOVERY_ENVIRONMENT
}
