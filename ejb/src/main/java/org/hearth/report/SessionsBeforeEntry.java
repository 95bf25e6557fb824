package org.hearth.report;

import java.io.Serializable;

/**
 * How many family sessions were held before a loved one entered treatment (CRAFT trials saw entry after 4 to 6):
 * for each episode whose first entry in the range fell on a day, the sessions the family held from its opening to
 * that day, the day included.
 *
 * @param entrants the episodes counted
 * @param median the median number of sessions, or null without entrants
 * @param mean the mean number of sessions, or null without entrants
 */
public record SessionsBeforeEntry(long entrants, Double median, Double mean) implements Serializable {}
