/**
 * Audit: one entry per access to a record or a page, allowed or denied, written in the service layer
 * (never by logging SQL). Entries are only ever added; nothing here updates or deletes one.
 */
package org.hearth.audit;
