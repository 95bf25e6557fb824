/** The calendar page: a counselor's or the clinic's week of sessions and group meetings. */
package org.hearth.web.view.calendar;
