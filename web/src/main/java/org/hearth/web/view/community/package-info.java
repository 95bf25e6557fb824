/**
 * The pages of the community-resource directory ({@code /community}, issue 25): the list with its filters and one
 * entry, read by all staff and kept by supervisors and administrators. (Not {@code /resources}: that path is the
 * application's static files, served without sign-in.)
 */
package org.hearth.web.view.community;
