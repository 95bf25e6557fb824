/**
 * The REST API under {@code /api/v1}: bearer tokens of the {@code hearth} realm, JSON in and out,
 * errors as RFC 9457 problem details. Resources are thin adapters over the same services the pages use.
 */
package org.hearth.web.api;
