package org.hearth.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records each persona works on, read from the generated database before the run, so that no request is a
 * 403 or a 404: a front desk clerk checks in one of the day's sessions of their own program (or, on a day ahead,
 * takes the family's call cancelling it) and books for one of its families; a counselor opens and signs one of
 * their own draft notes and records an event on one of their own open episodes; each row is used once where the
 * work cannot be repeated (a check-in, a signature). Each user signs in once and works through their own
 * records, a round each; bookings take {@link Slots free times}.
 *
 * <p>Each persona's feeder has exactly one row per virtual user the run starts ({@code users}), whatever the
 * number of generated accounts: when the run has more users than accounts, accounts are shared, each of its
 * users working through its own share of the account's records (a check-in or a signature is never done twice).
 * Users sharing an account are as far apart as possible in the order they start.
 */
record Records(
        LocalDate day,
        List<Map<String, Object>> frontDesk,
        List<Map<String, Object>> counselors,
        List<Map<String, Object>> supervisors,
        List<Map<String, Object>> apiClients,
        List<Map<String, Object>> admins,
        Slots slots) {

    private static final String CLOSING = "('DISENGAGED', 'MOVED_AWAY', 'DECEASED', 'CLOSED_OTHER')";

    /** The persona's users in the run, by name: frontDesk, counselors, supervisors, apiClients, admins. */
    static Records read(String jdbcUrl, LocalDate givenDay, Map<String, Integer> users) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            String zone = "'" + AgencyDay.CLINIC.getId() + "'";
            LocalDate day = givenDay != null ? givenDay : firstDayWithSessions(connection, zone);
            String dayLiteral = "date '" + day + "'";
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
                            // a clerk books and checks in for families whose case is open, not closed ones
                            + " where a.status = 'SCHEDULED' and f.status = 'ACTIVE' and a.starts_at >= ("
                            + dayLiteral
                            + ")::timestamp at time zone " + zone + " and a.starts_at < (" + dayLiteral
                            + " + 1)::timestamp at time zone " + zone + " order by a.id");
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
            List<Map<String, Object>> admins = rows(
                    connection,
                    "select username from staff_member where username like 'admin%' and email like"
                            + " '%@bench.hearth.example' order by id");
            for (List<Map<String, Object>> rows : List.of(frontDesk, counselors, supervisors, apiClients, admins)) {
                rows.forEach(row -> row.putAll(AgencyDay.dates()));
            }
            Slots slots = Slots.read(connection, AgencyDay.CLINIC);
            if (frontDesk.isEmpty()
                    || counselors.isEmpty()
                    || supervisors.isEmpty()
                    || apiClients.isEmpty()
                    || admins.isEmpty()) {
                throw new IllegalStateException("The database has no generated records to work on (sessions on "
                        + day + ": " + frontDesk.size() + ", draft notes: " + counselors.size()
                        + "): run ./hearth generate --scale agency first");
            }
            Records records = new Records(
                    day,
                    accounts(frontDesk, users.get("frontDesk"), true),
                    accounts(counselors, users.get("counselors"), true),
                    accounts(supervisors, users.get("supervisors"), false),
                    accounts(apiClients, users.get("apiClients"), false),
                    accounts(admins, users.get("admins"), false),
                    slots);
            System.out.printf(
                    "Records: the front desk works on %s (today: %s): %d sessions to %s; %d draft notes to sign;"
                            + " %d supervisors, %d API clients, %d administrators; users per account: front desk %s,"
                            + " counselors %s, supervisors %s, API clients %s, stack floor %s%n",
                    day,
                    LocalDate.now(AgencyDay.CLINIC),
                    frontDesk.size(),
                    day.equals(LocalDate.now(AgencyDay.CLINIC)) ? "check in" : "cancel at the family's call",
                    counselors.size(),
                    supervisors.size(),
                    apiClients.size(),
                    admins.size(),
                    sharing(records.frontDesk()),
                    sharing(records.counselors()),
                    sharing(records.supervisors()),
                    sharing(records.apiClients()),
                    sharing(records.admins()));
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the benchmark's records: " + e.getMessage(), e);
        }
    }

    /**
     * The first day from today on with sessions still to check in, when {@code bench.day} is not given (the
     * script passes the one {@code org.hearth.bench.BenchDay} picks): the application books only in opening
     * hours, so it is an open day.
     */
    private static LocalDate firstDayWithSessions(Connection connection, String zone) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select min((starts_at at time zone " + zone + ")::date) from appointment"
                        + " where status = 'SCHEDULED' and starts_at >= ((now() at time zone " + zone
                        + ")::date)::timestamp at time zone " + zone)) {
            LocalDate day = r.next() ? r.getObject(1, LocalDate.class) : null;
            return day != null ? day : LocalDate.now(AgencyDay.CLINIC);
        }
    }

    /**
     * One feeder row per virtual user ({@code users} of them): the username, and the user's records as the list
     * {@code work}, worked through one a round, in order. User {@code k} signs in with the {@code k % n}-th of
     * the {@code n} accounts; the users of one account share its records out, one each in turn, when the work is
     * done once ({@code split}: a check-in, a signature), and each work through all of them when it repeats (a
     * report read, an event recorded).
     */
    static List<Map<String, Object>> accounts(List<Map<String, Object>> rows, int users, boolean split) {
        Map<Object, List<Map<String, Object>>> byAccount = new LinkedHashMap<>();
        rows.forEach(row -> byAccount
                .computeIfAbsent(row.get("username"), u -> new ArrayList<>())
                .add(row));
        List<Object> names = new ArrayList<>(byAccount.keySet());
        List<Map<String, Object>> feeder = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            Object username = names.get(k % names.size());
            // the users of this account: k % n, k % n + n, ...; this one is the (k / n)-th of them
            int sharing = split ? users / names.size() + (k % names.size() < users % names.size() ? 1 : 0) : 1;
            int index = split ? k / names.size() : 0;
            List<Map<String, Object>> all = byAccount.get(username);
            List<Map<String, Object>> mine = new ArrayList<>();
            for (int i = index; i < all.size(); i += sharing) {
                mine.add(all.get(i));
            }
            feeder.add(Map.of("username", username, "work", List.copyOf(mine)));
        }
        return feeder;
    }

    /** How many users share an account at most, and the fewest records one of them has. */
    private static String sharing(List<Map<String, Object>> feeder) {
        Map<Object, Integer> perAccount = new LinkedHashMap<>();
        feeder.forEach(row -> perAccount.merge(row.get("username"), 1, Integer::sum));
        int fewest = feeder.stream()
                .mapToInt(row -> ((List<?>) row.get("work")).size())
                .min()
                .orElse(0);
        return perAccount.values().stream().mapToInt(Integer::intValue).max().orElse(0) + " (fewest records " + fewest
                + ")";
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
