/**
 * The local stack: embedded PostgreSQL, Keycloak with the hearth realm, and the built WildFly, started
 * and stopped together by {@code ./hearth run}, and reused by the integration tests. For development
 * only; production runs each piece on its own.
 */
package org.hearth.launcher;
