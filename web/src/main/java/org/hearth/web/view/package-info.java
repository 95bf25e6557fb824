/**
 * Backing beans of the pages that belong to no feature yet: the language choice. Feature pages get
 * their beans in packages named after their area.
 */
package org.hearth.web.view;
