/**
 * The clinic calendar: rooms, opening hours and closures, time slots, the rules every booking obeys (not in
 * the past, not on a closure, within one day's hours) and the times already taken by sessions and group
 * meetings, so nobody is double-booked. Times are instants, kept on the clinic's wall clock.
 */
package org.hearth.calendar;
