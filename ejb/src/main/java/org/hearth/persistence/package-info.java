/**
 * Persistence plumbing: the schema is Flyway's, migrated before Hibernate validates it. Nothing here
 * knows a domain rule.
 */
package org.hearth.persistence;
