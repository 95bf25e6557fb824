/**
 * Who may touch which family, decided in one place: the {@link org.hearth.access.Caller} of the request (who they
 * are, by the token's subject, their roles, programs and the clinic's today), the {@link
 * org.hearth.access.FamilyAccessPolicy} every service asks, and the {@link org.hearth.access.AccessRules} (the
 * caseload and program rules, in JPQL and in SQL side by side). It must never trust an id or a name the caller
 * sends to say who they are, never read "today" from the JVM's zone, and never be copied into a service.
 */
package org.hearth.access;
