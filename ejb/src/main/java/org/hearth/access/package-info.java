/**
 * Who is calling, decided in one place: the {@link org.hearth.access.Caller} of the request (who they are, by the
 * token's subject, their roles, programs and the clinic's today) and the {@link org.hearth.access.AccessRules}
 * (the caseload and program rules, in JPQL and in SQL side by side), which the family's access policy
 * ({@code org.hearth.family.FamilyAccessPolicy}) and the caseload queries apply. It must never trust an id or a
 * name the caller sends to say who they are, never read "today" from the JVM's zone, and never be copied into
 * a service.
 */
package org.hearth.access;
