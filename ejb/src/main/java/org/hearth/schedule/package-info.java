/**
 * Scheduling: support groups that meet weekly or every few weeks, their sessions, rooms and clashes.
 * A recurrence rule only says when a group would meet; every session it yields is stored on its own, so a
 * rule is never the sole record of when a group met. Times are kept on the clinic's wall clock.
 */
package org.hearth.schedule;
