package org.hearth.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The day the benchmark's front desk works on: today in the clinic's zone when the clinic is open today and has
 * sessions still to check in, otherwise the clinic's next open day that has some (on a Sunday, a holiday, or late
 * on a day whose sessions earlier runs have all checked in). On that day's sessions the front desk checks
 * families in when it is today, and takes a family's call cancelling one when it is a day ahead (a session can
 * only be checked in on its own day). {@code run-benchmark.sh} asks it once and hands it to the floors and to
 * Gatling as {@code bench.day}.
 *
 * <p>{@code java ... org.hearth.bench.BenchDay} prints the day ({@code DB_URL}, {@code DB_USER},
 * {@code DB_PASSWORD}: the local stack's database by default); exit status 2 when no open day of the next month
 * has a session to work on.
 */
public final class BenchDay {

    /** The clinic's zone, as the server's {@code ClinicClock} reads it. */
    static final ZoneId CLINIC = ZoneId.of(System.getProperty(
            "hearth.clinic.time-zone", System.getenv().getOrDefault("HEARTH_CLINIC_TIME_ZONE", "America/New_York")));

    /** How far ahead to look for an open day with sessions. */
    static final int HORIZON_DAYS = 31;

    private BenchDay() {}

    /**
     * The first day from the clock's clinic date on that the clinic is open ({@code openWeekdays}, ISO 1 to 7, and
     * not a closure) and that has sessions to work on; empty when none in {@link #HORIZON_DAYS}.
     */
    static java.util.Optional<LocalDate> pick(
            Clock clock, Set<Integer> openWeekdays, Set<LocalDate> closures, Predicate<LocalDate> hasSessions) {
        LocalDate today = LocalDate.now(clock.withZone(CLINIC));
        for (LocalDate day = today; day.isBefore(today.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
            if (openWeekdays.contains(day.getDayOfWeek().getValue())
                    && !closures.contains(day)
                    && hasSessions.test(day)) {
                return java.util.Optional.of(day);
            }
        }
        return java.util.Optional.empty();
    }

    /** The day, read from the database's opening hours, closures and scheduled sessions. */
    static java.util.Optional<LocalDate> read(Connection connection, Clock clock) throws SQLException {
        Set<Integer> open = new HashSet<>();
        Set<LocalDate> closures = new HashSet<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("select day_of_week from clinic_hours")) {
                while (r.next()) {
                    open.add(r.getInt(1));
                }
            }
            try (ResultSet r = s.executeQuery("select closed_on from clinic_closure")) {
                while (r.next()) {
                    closures.add(r.getObject(1, LocalDate.class));
                }
            }
        }
        String zone = CLINIC.getId().replace("'", "");
        try (PreparedStatement sessions = connection.prepareStatement("select exists (select 1 from appointment where"
                + " status = 'SCHEDULED' and starts_at >= cast(? as date)::timestamp at time zone '" + zone + "' and"
                + " starts_at < (cast(? as date) + 1)::timestamp at time zone '" + zone + "')")) {
            SQLException[] failure = new SQLException[1];
            java.util.Optional<LocalDate> day = pick(clock, open, closures, date -> {
                try {
                    sessions.setObject(1, date);
                    sessions.setObject(2, date);
                    try (ResultSet r = sessions.executeQuery()) {
                        return r.next() && r.getBoolean(1);
                    }
                } catch (SQLException e) {
                    failure[0] = e;
                    return false;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return day;
        }
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> env = System.getenv();
        try (Connection connection = DriverManager.getConnection(
                env.getOrDefault("DB_URL", "jdbc:postgresql://localhost:15432/hearth"),
                env.getOrDefault("DB_USER", "hearth"),
                env.getOrDefault("DB_PASSWORD", "hearth"))) {
            java.util.Optional<LocalDate> day = read(connection, Clock.systemUTC());
            if (day.isEmpty()) {
                System.err.println("No open day of the next " + HORIZON_DAYS + " has a scheduled session to work on:"
                        + " generate data first (./hearth generate --scale agency)");
                System.exit(2);
            }
            System.out.println(day.get());
        }
    }
}
