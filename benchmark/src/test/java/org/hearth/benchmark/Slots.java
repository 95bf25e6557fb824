package org.hearth.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Free times to book and move sessions to, as a clerk finds them: within the clinic's opening hours, on days it
 * is open, and after the last session or group meeting anyone holds, so that no counselor, family or room is taken. Each time is
 * handed out once, across all users of the run, and a run's bookings push the next run's times further ahead.
 */
final class Slots {

    private static final int MINUTES = 50;

    private final Map<Integer, LocalTime[]> hours;
    private final Set<LocalDate> closures;
    private LocalDateTime next;

    private Slots(Map<Integer, LocalTime[]> hours, Set<LocalDate> closures, LocalDate firstDay) {
        if (hours.isEmpty()) {
            throw new IllegalStateException("The clinic has no opening hours to book in");
        }
        this.hours = hours;
        this.closures = closures;
        this.next = firstDay.atStartOfDay();
    }

    static Slots read(Connection connection, ZoneId zone) throws SQLException {
        Map<Integer, LocalTime[]> hours = new HashMap<>();
        Set<LocalDate> closures = new HashSet<>();
        LocalDate firstDay;
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("select day_of_week, opens_at, closes_at from clinic_hours")) {
                while (r.next()) {
                    hours.put(
                            r.getInt(1),
                            new LocalTime[] {r.getObject(2, LocalTime.class), r.getObject(3, LocalTime.class)});
                }
            }
            try (ResultSet r = s.executeQuery("select closed_on from clinic_closure")) {
                while (r.next()) {
                    closures.add(r.getObject(1, LocalDate.class));
                }
            }
            try (ResultSet r = s.executeQuery(
                    "select (greatest((select max(starts_at) from appointment), (select max(starts_at) from"
                            + " group_session)) at time zone '" + zone.getId() + "')::date + 1")) {
                r.next();
                LocalDate after = r.getObject(1, LocalDate.class);
                LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
                firstDay = after == null || after.isBefore(tomorrow) ? tomorrow : after;
            }
        }
        return new Slots(hours, closures, firstDay);
    }

    /** The next free start, as the API takes it (local wall-clock time, to the minute). */
    synchronized String next() {
        while (true) {
            LocalTime[] open = closures.contains(next.toLocalDate())
                    ? null
                    : hours.get(next.getDayOfWeek().getValue());
            if (open != null && next.toLocalTime().isBefore(open[0])) {
                next = next.toLocalDate().atTime(open[0]);
            }
            if (open != null
                    && !next.toLocalTime().plusMinutes(MINUTES).isAfter(open[1])
                    && next.toLocalTime().plusMinutes(MINUTES).isAfter(next.toLocalTime())) {
                LocalDateTime start = next;
                next = next.plusMinutes(60);
                return start.toString().substring(0, 16);
            }
            next = next.toLocalDate().plusDays(1).atStartOfDay();
        }
    }
}
