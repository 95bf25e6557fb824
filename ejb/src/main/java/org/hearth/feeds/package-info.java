/**
 * Calendar feeds: a counselor's sessions and a support group's meetings as iCalendar, at secret addresses a
 * calendar application subscribes to. A feed names no family, no group and no clinical detail, only "Family
 * session" or "Support group", the room and the time; only the secret's hash is stored.
 */
package org.hearth.feeds;
