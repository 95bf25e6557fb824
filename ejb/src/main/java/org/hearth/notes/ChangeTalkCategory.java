package org.hearth.notes;

/**
 * The DARN-CAT categories of change talk: preparatory (Desire, Ability, Reasons, Need) and mobilizing
 * (Commitment, Activation, Taking steps).
 */
public enum ChangeTalkCategory {
    DESIRE,
    ABILITY,
    REASONS,
    NEED,
    COMMITMENT,
    ACTIVATION,
    TAKING_STEPS
}
