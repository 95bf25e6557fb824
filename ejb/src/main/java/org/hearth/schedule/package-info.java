/**
 * Scheduling: rooms, the clinic's hours and closures, family sessions (appointments) and support groups
 * that meet weekly or every few weeks. Nobody is double-booked: a booking locks the counselor, the room
 * and the attending members, then looks for overlapping sessions, and names each clash it finds. A
 * recurrence rule only says when a group would meet; every session it yields is stored on its own. Times
 * are instants, kept on the clinic's wall clock.
 */
package org.hearth.schedule;
