/**
 * Families, the clients of a family program: registration with a case number, members and their
 * contact preferences, and the counselors assigned to each family. Front desk sees demographics and
 * contact only; nothing here returns clinical content to a role that may not read it.
 */
package org.hearth.family;
