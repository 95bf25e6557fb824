/**
 * Support groups: groups that meet weekly or every few weeks, their sessions, enrollment and the waitlist,
 * rosters and attendance. A recurrence rule only says when a group would meet; every session it yields is
 * stored on its own.
 */
package org.hearth.groups;
