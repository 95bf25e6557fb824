package org.hearth.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hearth.notes.SessionNotes;

/**
 * Runs a row set of {@link FigureRows} followed by what the figure or the list selects from {@code behind}, with
 * the scope's parameters bound, in one read-only statement. Days are the clinic's: "today" and the last day
 * observed come from the clock in the clinic's time zone.
 */
final class ReportQueries {

    /** Days without contact after which a family on a caseload counts as out of touch. */
    static final int QUIET_DAYS = 30;

    /** Reads one result row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;

    ReportQueries(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    <T> List<T> list(String rows, String select, ReportScope scope, Map<String, ?> extra, Row<T> reader) {
        Map<String, Object> values = new HashMap<>(parameters(scope));
        values.putAll(extra);
        NamedSql sql = NamedSql.of(rows + " " + select);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection, values);
                ResultSet result = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (result.next()) {
                found.add(reader.read(result));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("a report query failed: " + e.getMessage(), e);
        }
    }

    <T> T one(String rows, String select, ReportScope scope, Row<T> reader) {
        return list(rows, select, scope, Map.of(), reader).get(0);
    }

    private Map<String, Object> parameters(ReportScope scope) {
        LocalDate today = today();
        Instant now = Instant.now(clock);
        Map<String, Object> values = new HashMap<>();
        values.put("programs", scope.programArray());
        values.put("counselor", scope.counselorId());
        values.put("from", scope.from());
        values.put("to", scope.to());
        values.put("until", scope.to().isBefore(today) ? scope.to() : today);
        values.put("today", today);
        values.put("zone", zone.getId());
        values.put("notesDueBefore", now.minus(SessionNotes.DUE_AFTER));
        values.put("quietDays", QUIET_DAYS);
        return values;
    }

    /** A nullable bigint column. */
    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable numeric column as a double. */
    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
