/**
 * What every page shares, outside any feature: the language pages are shown in, and keeping the session
 * alive while someone works in a page. Feature pages get their backing beans in packages named after
 * their area. Nothing here reads or shows clinical content.
 */
package org.hearth.web.view;
