/**
 * Sign-in and sign-out through Keycloak (OIDC), the signed-in staff member of a session, and the
 * pages that answer a refusal. A refused page is audited here, through the audit service.
 */
package org.hearth.web.security;
