/**
 * Printed documents: a page laid out as XHTML and CSS from a template that ships with the feature, filled with
 * escaped text only, and rendered to PDF with the font embedded. It knows no feature and no record.
 */
package org.hearth.printing;
