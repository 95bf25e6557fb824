/**
 * Security: the exceptions the services throw when a caller asks for something outside their rights.
 * Roles are checked with {@code @RolesAllowed}; record-level rules (caseload, programs) throw {@link
 * Refused}. Both are audited by {@link
 * org.hearth.audit.AccessDenialAuditor}; neither ever reaches a user as a 500.
 */
package org.hearth.security;
