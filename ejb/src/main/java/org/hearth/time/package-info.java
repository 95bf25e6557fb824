/**
 * The clinic's clock and zone ({@link org.hearth.time.ClinicClock}, {@link org.hearth.time.ClinicTime}): the one
 * source of "today" and "now" for every feature (covering windows, caseloads, notes due, follow-ups, reports,
 * emergency accesses). Never the server's own time zone. Depends on no feature.
 */
package org.hearth.time;
