/**
 * The family's written safety plan (issue 25): warning signs, what each member does, who to call, where the
 * emergency nasal spray is and who can use it, and - only when the intake screened violence at home - a plan for
 * leaving safely. Every save is a new version signed by the counselor; reviews are kept; the plan is due for review
 * every 90 days while the family's safety flag stands. Its printed copy must never name a diagnosis, a substance or
 * the program ({@link org.hearth.safetyplan.PrintedWords}); this package must never depend on {@code notes}.
 */
package org.hearth.safetyplan;
