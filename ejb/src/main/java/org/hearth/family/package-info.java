/**
 * Families, the clients of a family program: registration with a case number, members and their contact
 * preferences, intakes, the counselors assigned to each family, emergency accesses, and the access policy every
 * service asks before touching a family ({@link org.hearth.family.FamilyAccessPolicy}). Front desk sees
 * demographics and contact only; nothing here returns clinical content to a role that may not read it. What
 * other features do with a family comes to it through events ({@link org.hearth.family.IntakeCompleted}) and
 * {@link org.hearth.family.LovedOneEpisodes}, never by reaching into their packages.
 */
package org.hearth.family;
