package org.hearth.report;

import java.io.Serializable;
import java.time.YearMonth;

/**
 * The loved ones whose episodes opened in one month, and how many of them entered treatment by the end of the
 * report's range.
 *
 * @param month the month the episodes opened (the intake was completed)
 * @param entered entered treatment of opened
 */
public record EntryCohort(YearMonth month, Share entered) implements Serializable {}
