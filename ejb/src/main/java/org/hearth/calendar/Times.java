package org.hearth.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.hearth.time.ClinicTime;

/** Dates and times as messages show them: ISO dates and 24-hour times, the same in every language. */
public final class Times {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Times() {}

    public static String date(LocalDate date) {
        return date.toString();
    }

    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    public static String time(Instant instant) {
        return TIME.format(instant.atZone(ClinicTime.zone()));
    }

    public static String date(Instant instant) {
        return instant.atZone(ClinicTime.zone()).toLocalDate().toString();
    }
}
