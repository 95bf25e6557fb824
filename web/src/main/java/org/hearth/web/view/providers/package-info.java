/**
 * The pages of the treatment-provider directory ({@code /providers}): the list with its filters, one entry (read by
 * all staff, edited by supervisors and administrators) and the import of a treatment-locator file.
 */
package org.hearth.web.view.providers;
