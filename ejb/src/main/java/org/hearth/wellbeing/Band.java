package org.hearth.wellbeing;

/** A severity band of a questionnaire's total ({@link Instrument#band}); GAD-7 has no "moderately severe". */
public enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE
}
