package org.hearth.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records each persona works on, read from the generated database before the run, so that no request is a
 * 403 or a 404: a front desk clerk checks in one of today's sessions of their own program and books for one of
 * its families; a counselor opens and signs one of their own draft notes and records an event on one of their
 * own open episodes; each row is used once where the work cannot be repeated (a check-in, a signature). Each
 * user signs in once and works through their own records, a round each; bookings take {@link Slots free times}.
 */
record Records(
        List<Map<String, Object>> frontDesk,
        List<Map<String, Object>> counselors,
        List<Map<String, Object>> supervisors,
        List<Map<String, Object>> apiClients,
        Slots slots) {

    private static final String CLOSING = "('DISENGAGED', 'MOVED_AWAY', 'DECEASED', 'CLOSED_OTHER')";

    static Records read(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            String zone = "'" + AgencyDay.CLINIC.getId() + "'";
            List<Map<String, Object>> frontDesk = rows(
                    connection,
                    "with latest as (select distinct on (g.program_id) g.program_id, s.id from group_session s join"
                            + " support_group g on g.id = s.group_id where s.occurs_on <= (now() at time zone " + zone
                            + ")::date order by g.program_id, s.occurs_on desc, s.id),"
                            + " clerks as (select sp.program_id, array_agg(s.username order by s.id) as names from"
                            + " staff_member s join staff_program sp on sp.staff_member_id = s.id where s.username"
                            + " like 'frontdesk%' group by sp.program_id)"
                            + " select clerks.names[1 + a.id % array_length(clerks.names, 1)] as username,"
                            + " f.case_number as \"searchTerm\", f.case_number as \"caseNumber\", f.id as"
                            + " \"familyId\", m.id as \"memberId\", c.username as counselor, a.id as arriving,"
                            + " a.version as \"arrivingVersion\", latest.id as \"groupSession\""
                            + " from appointment a join family f on f.id = a.family_id"
                            + " join family_member m on m.family_id = f.id and m.position = 0"
                            + " join staff_member c on c.id = f.primary_counselor_id"
                            + " join clerks on clerks.program_id = f.program_id"
                            + " join latest on latest.program_id = f.program_id"
                            + " where a.status = 'SCHEDULED' and a.starts_at >= ((now() at time zone " + zone
                            + ")::date)::timestamp at time zone " + zone + " and a.starts_at < ((now() at time zone "
                            + zone + ")::date + 1)::timestamp at time zone " + zone + " order by a.id");
            List<Map<String, Object>> counselors = rows(
                    connection,
                    "select s.username, n.id as \"noteId\", n.version as \"noteVersion\", n.family_id as"
                            + " \"familyId\", e.id as \"episodeId\""
                            + " from session_note n join staff_member s on s.id = n.author_id"
                            + " join lateral (select e.id from engagement_episode e join family f on f.id ="
                            + " e.family_id where f.primary_counselor_id = n.author_id and e.status not in "
                            + CLOSING + " order by (e.id + n.id) % 11, e.id limit 1) e on true"
                            + " where n.status = 'DRAFT' and s.username like 'counselor%' order by n.id");
            List<Map<String, Object>> supervisors = rows(
                    connection,
                    "select username from staff_member where username like 'supervisor%' and email like"
                            + " '%@bench.hearth.example' order by id");
            List<Map<String, Object>> apiClients = rows(
                    connection,
                    "select distinct on (s.id) s.username, e.id as \"episodeId\" from engagement_episode e"
                            + " join family f on f.id = e.family_id join staff_member s on s.id ="
                            + " f.primary_counselor_id where e.status not in " + CLOSING
                            + " and s.username like 'counselor%' order by s.id, e.id");
            for (List<Map<String, Object>> rows : List.of(frontDesk, counselors, supervisors, apiClients)) {
                rows.forEach(row -> row.putAll(AgencyDay.dates()));
            }
            Slots slots = Slots.read(connection, AgencyDay.CLINIC);
            if (frontDesk.isEmpty() || counselors.isEmpty() || supervisors.isEmpty() || apiClients.isEmpty()) {
                throw new IllegalStateException("The database has no generated records to work on (today's"
                        + " sessions: " + frontDesk.size() + ", draft notes: " + counselors.size()
                        + "): run ./hearth generate --scale agency first");
            }
            System.out.printf(
                    "Records: %d of today's sessions to check in, %d draft notes to sign, %d supervisors, %d API"
                            + " clients%n",
                    frontDesk.size(), counselors.size(), supervisors.size(), apiClients.size());
            return new Records(byUser(frontDesk), byUser(counselors), byUser(supervisors), byUser(apiClients), slots);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the benchmark's records: " + e.getMessage(), e);
        }
    }

    /**
     * One feeder row per user: the username, and the user's records as the list {@code work}, worked through
     * one a round, in order.
     */
    private static List<Map<String, Object>> byUser(List<Map<String, Object>> rows) {
        Map<Object, List<Map<String, Object>>> work = new LinkedHashMap<>();
        rows.forEach(row -> work.computeIfAbsent(row.get("username"), u -> new ArrayList<>())
                .add(row));
        List<Map<String, Object>> users = new ArrayList<>();
        work.forEach((username, records) -> users.add(Map.of("username", username, "work", List.copyOf(records))));
        return users;
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet result = s.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnLabel(c), result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
