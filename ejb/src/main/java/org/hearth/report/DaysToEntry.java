package org.hearth.report;

import java.io.Serializable;

/**
 * Days from an episode's opening to its first entry into treatment, over the episodes that entered.
 *
 * @param entered how many episodes entered treatment
 * @param medianDays the median of their days (halfway between the two middle values for an even count), or null
 *     when none entered
 */
public record DaysToEntry(long entered, Double medianDays) implements Serializable {}
