package org.hearth.wellbeing;

import java.io.Serializable;

/**
 * A measure just saved. {@code flagRaised}: its PHQ-9 item 9 answer raised the family's safety flag in the same
 * transaction, and the page must say what to do now.
 */
public record RecordedMeasure(MeasureView measure, boolean flagRaised) implements Serializable {}
