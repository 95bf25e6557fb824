package org.hearth.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Dates and times as messages show them: ISO dates and 24-hour times, the same in every language. */
final class Times {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Times() {}

    static String date(LocalDate date) {
        return date.toString();
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }

    static String time(Instant instant) {
        return TIME.format(instant.atZone(ClinicTime.zone()));
    }

    static String date(Instant instant) {
        return instant.atZone(ClinicTime.zone()).toLocalDate().toString();
    }
}
