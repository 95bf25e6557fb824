/**
 * The clinic's clock: the one source of "today" and "now" for every feature (covering windows, caseloads,
 * notes due, follow-ups, reports, emergency accesses). Never the server's own time zone.
 */
package org.hearth.time;
