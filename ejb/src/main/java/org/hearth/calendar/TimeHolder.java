package org.hearth.calendar;

import java.time.Instant;

/**
 * Something that holds counselors, rooms and family members at times: family sessions, group meetings. Each
 * feature that books time supplies one (a CDI bean), so the calendar finds every clash, and counts what a
 * closure falls on, without knowing the features.
 */
public interface TimeHolder {

    /** What holds time, in the order clashes are named: family sessions first, then group meetings. */
    enum Kind {
        FAMILY_SESSIONS,
        GROUP_MEETINGS
    }

    Kind kind();

    /** Adds to {@code taken} what of this kind holds the span's counselors, room or members. */
    void addTaken(TakenTimes taken, TakenTimes.Span span);

    /** How many bookings of this kind still hold time from {@code from} to {@code to} (a closed day's). */
    long countHolding(Instant from, Instant to);
}
