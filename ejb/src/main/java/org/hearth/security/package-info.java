/**
 * The vocabulary every feature shares and that depends on no feature: the staff {@link Role}s, the one
 * refusal type ({@link Refusal}: {@link NotFound}, {@link Refused}, {@link Invalid} with a reason per field,
 * {@link Conflict}), how long an emergency access may last, and the request's memo. Roles are checked with
 * {@code @RolesAllowed}; record-level rules throw {@link Refused}. Both, and ids that name no record, are
 * audited by {@code org.hearth.audit.AccessDenialAuditor}; none ever reaches a user as a 500.
 */
package org.hearth.security;
