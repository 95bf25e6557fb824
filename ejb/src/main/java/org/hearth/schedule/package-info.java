/**
 * Scheduling: rooms, the clinic's hours and closures, family sessions (appointments) and, later, recurring
 * support groups. Nobody is double-booked: a booking locks the counselor, the room and the attending
 * members, then looks for overlapping sessions, and names each clash it finds.
 */
package org.hearth.schedule;
