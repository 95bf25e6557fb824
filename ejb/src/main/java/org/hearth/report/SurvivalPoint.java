package org.hearth.report;

import java.io.Serializable;

/**
 * One step of the Kaplan-Meier time-to-entry curve: on day {@code day} after their episode opened, {@code atRisk}
 * loved ones had not entered treatment nor left the curve before that day, {@code entered} of them entered that
 * day and {@code censored} left it that day without entering (still refusing at the end of the range, or closed).
 * {@code notEnteredYet} is S(day), the estimated share not yet in treatment after that day: the product over every
 * day up to it of (1 - entered / atRisk). Entries are counted before censorings on the same day.
 */
public record SurvivalPoint(int day, long atRisk, long entered, long censored, double notEnteredYet)
        implements Serializable {}
