/**
 * The counselor's to-do list: what is due on the families of their caseload, gathered from every feature that
 * knows something is due (a boundary to review, a safety plan to review, a wellbeing measure due, a safety task
 * after a PHQ-9 item 9 answer). Each feature offers a {@link org.hearth.todo.TaskSource}; this package knows none
 * of them by name and must never depend on a feature's package, so any feature may add tasks without a cycle.
 */
package org.hearth.todo;
