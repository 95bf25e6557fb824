/**
 * Session notes and MI fidelity: a supervisor's (or a counselor's own) MITI 4.2.1 coding of a session and the
 * summary scores it yields. The scores are arithmetic on what was coded; they never judge a counselor on their
 * own, and a band is never decided on a rounded number.
 */
package org.hearth.notes;
