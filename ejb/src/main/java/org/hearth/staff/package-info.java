/**
 * Staff: the people who use Hearth, linked to their Keycloak user, with their roles and the programs
 * they work in. Keycloak owns passwords and roles; this package never stores a credential.
 */
package org.hearth.staff;
