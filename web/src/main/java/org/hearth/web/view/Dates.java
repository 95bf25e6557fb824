package org.hearth.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.hearth.time.ClinicTime;

/**
 * Dates and times as the reader reads them, in the page's language and the clinic's time zone: a day in a
 * table as "Dec 7, 2026" ("7 dic 2026"), a day in a sentence as "Monday, December 7, 2026" ("lunes, 7 de
 * diciembre de 2026"), times on the 24-hour clock. Pages use {@code #{dates.day(s.date)}}; entry fields keep
 * their own pattern. Empty for none.
 */
@Named
@RequestScoped
public class Dates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    private LanguagePreference language;

    /** A day in a table or a list: "Dec 7, 2026", "7 dic 2026". */
    public String day(LocalDate day) {
        return day(day, locale());
    }

    /** A day in a sentence or a heading: "Monday, December 7, 2026", "lunes, 7 de diciembre de 2026". */
    public String longDay(LocalDate day) {
        return longDay(day, locale());
    }

    /** A day and a time of that day, as a table shows a session: "Dec 7, 2026 10:00". */
    public String dayAt(LocalDate day, Object time) {
        return dayAt(day, time, locale());
    }

    /** An instant as the clinic's clocks showed it: "Dec 7, 2026 10:00". */
    public String at(Instant instant) {
        return at(instant, ClinicTime.zone(), locale());
    }

    private Locale locale() {
        return language.getLocale();
    }

    static String day(LocalDate day, Locale locale) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(day);
    }

    static String longDay(LocalDate day, Locale locale) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(locale)
                        .format(day);
    }

    static String dayAt(LocalDate day, Object time, Locale locale) {
        if (day == null) {
            return "";
        }
        if (time == null || time.toString().isBlank()) {
            return day(day, locale);
        }
        String clock = time instanceof LocalTime local ? TIME.format(local) : time.toString();
        return day(day, locale) + " " + clock;
    }

    static String at(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return day(local.toLocalDate(), locale) + " " + TIME.format(local);
    }
}
