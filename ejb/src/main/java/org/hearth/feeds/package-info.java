/**
 * Calendar feeds: a counselor's sessions and a group's meetings as iCalendar, for a calendar application to
 * subscribe to with a secret address. A feed names no family and no member.
 */
package org.hearth.feeds;
