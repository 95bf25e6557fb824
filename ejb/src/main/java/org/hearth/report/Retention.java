package org.hearth.report;

import java.io.Serializable;

/**
 * Of the loved ones who entered treatment in the range, how many were confirmed still in treatment 30 and 90
 * days after entering. Only entries whose check is due by the last day observed count in its whole (an entry 10
 * days before the end of the range cannot have been retained 30 days yet), unless the check was confirmed early.
 *
 * @param at30 confirmed RETAINED_30 of the entries due for the 30-day check
 * @param at90 confirmed RETAINED_90 of the entries due for the 90-day check
 */
public record Retention(Share at30, Share at90) implements Serializable {}
