/**
 * Support groups: groups that meet weekly or every few weeks, defined and changed in {@link
 * org.hearth.groups.GroupDefinitions}, with enrollment and the waitlist ({@link
 * org.hearth.groups.GroupEnrollments}), rosters and attendance ({@link org.hearth.groups.GroupAttendance}), and
 * read in {@link org.hearth.groups.SupportGroups}. A recurrence rule only says when a group would meet; every
 * session it yields is stored on its own, checked like a family session.
 */
package org.hearth.groups;
