/**
 * What every page shares, outside any feature: the language pages are shown in, and keeping the session
 * alive while someone works in a page. Feature pages get their backing beans in the package of their page's folder
 * ({@code families/record.xhtml}: {@code view.families.RecordBacking}). Nothing here reads or shows clinical content.
 */
package org.hearth.web.view;
