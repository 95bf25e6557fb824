package org.hearth.report;

import java.io.Serializable;

/**
 * The family sessions of the range the family was expected at - held or checked in, no-shows and late
 * cancellations; not those cancelled in time or by the clinic, nor those still only scheduled - and what became
 * of them.
 *
 * @param expected how many sessions the families were expected at
 * @param kept those the family came to
 * @param noShows no-shows of the expected sessions
 * @param lateCancels cancellations by the family under 24 hours before the start, of the expected sessions
 */
public record SessionAttendance(long expected, long kept, Share noShows, Share lateCancels) implements Serializable {}
