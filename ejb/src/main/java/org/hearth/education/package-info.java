/**
 * Education given to families (issue 25): the topics a counselor covers in session notes, the one-page handouts
 * (English and Spanish, each citing its public sources) and what a family has been taught, session by session.
 * It never depends on {@code notes} (notes depend on it: the checklist is part of a note's content); a handout never
 * carries a family's data or the program's name, and what a family was taught is read only by its counselors and
 * its program's supervisors.
 */
package org.hearth.education;
