package org.hearth.wellbeing;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A participating member's next measure of an instrument ({@link DueRule}).
 *
 * @param lastTaken the member's last measure of it, or null when never measured (then it is their intake measure)
 * @param due whether it is due by today (on or before)
 * @param overdue whether it was due before today
 */
public record DueMeasure(
        long memberId,
        String firstName,
        Instrument instrument,
        LocalDate lastTaken,
        LocalDate dueOn,
        boolean due,
        boolean overdue)
        implements Serializable {

    static DueMeasure of(
            long memberId, String firstName, Instrument instrument, LocalDate start, LocalDate last, LocalDate today) {
        LocalDate dueOn = DueRule.dueOn(start, last);
        return new DueMeasure(
                memberId, firstName, instrument, last, dueOn, !dueOn.isAfter(today), dueOn.isBefore(today));
    }

    /** A member's first name, as the tablet and the to-do list say it (the first word of the full name). */
    static String firstNameOf(String fullName) {
        String trimmed = fullName == null ? "" : fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
