package org.hearth.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.access.AccessRules;
import org.hearth.report.ProgramFigures;
import org.hearth.report.ReportScope;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The floor of each page: the SQL it needs to show what it shows, run straight over one JDBC connection on the
 * same data, with the ids a persona of the benchmark would use. Whatever a page takes above its floor is the
 * application's own cost (the server, Hibernate, Faces, the network). The report pages' floor is the real
 * figure SQL of {@link ProgramFigures}; the other pages' is the queries written out below, one per thing the
 * page shows. Each page is run {@code runs} times (after a warm-up) and its p50 and p95 are printed and
 * written to {@code floors.properties} for {@link BenchReport}.
 *
 * <p>{@code java ... org.hearth.bench.Floors [runs] [output]} with {@code DB_URL}, {@code DB_USER},
 * {@code DB_PASSWORD} (the local stack's database by default).
 */
public final class Floors {

    /** A page's statements, each with the names of the sample's values it takes, in order. */
    record Page(String name, String sample, List<Query> queries) {}

    record Query(String sql, List<String> parameters) {}

    private Floors() {}

    static final List<Page> PAGES = List.of(
            new Page(
                    "counselor: my caseload",
                    "counselor",
                    List.of(
                            q(
                                    "select f.id, f.case_number, f.family_name, f.status, exists (select 1 from intake i"
                                            + " where i.family_id = f.id and i.completed_at is null), exists (select 1"
                                            + " from intake i where i.family_id = f.id and i.safety_flag),"
                                            + " f.last_contact_on, (select min(a.starts_at) from appointment a where"
                                            + " a.family_id = f.id and a.status = 'SCHEDULED' and a.starts_at > now())"
                                            + " from family f where "
                                            // the application's own caseload rule; its counselor is bound twice
                                            + AccessRules.Sql.onCaseload("f", "?", "current_date")
                                            + " order by f.case_number limit 25",
                                    "counselorId",
                                    "counselorId"),
                            q("select count(*) from family f where f.primary_counselor_id = ?", "counselorId"),
                            q(
                                    "select count(*) from engagement_episode e join family f on f.id = e.family_id"
                                            + " where f.primary_counselor_id = ? and e.status not in ('DISENGAGED',"
                                            + " 'MOVED_AWAY', 'DECEASED', 'CLOSED_OTHER') and (e.next_follow_up_on <"
                                            + " current_date or e.high_risk_reason is not null)",
                                    "counselorId"),
                            q(
                                    "select a.id, a.starts_at, f.family_name from appointment a join family f on f.id ="
                                            + " a.family_id where a.counselor_id = ? and a.status = 'COMPLETED' and not"
                                            + " a.note_signed order by a.ends_at",
                                    "counselorId"))),
            new Page(
                    "counselor: family record",
                    "counselor",
                    List.of(
                            q("select * from family where id = ?", "familyId"),
                            q("select * from family_member where family_id = ? order by position", "familyId"),
                            q("select * from intake where family_id = ?", "familyId"),
                            q(
                                    "select l.*, (select string_agg(substance, ',') from loved_one_substance s where"
                                            + " s.loved_one_id = l.id) from loved_one l where l.family_id = ?",
                                    "familyId"),
                            q("select * from engagement_episode where family_id = ?", "familyId"),
                            q(
                                    "select a.*, s.display_name, r.name from appointment a join staff_member s on s.id ="
                                            + " a.counselor_id left join room r on r.id = a.room_id where a.family_id = ?"
                                            + " order by a.starts_at desc",
                                    "familyId"),
                            q(
                                    "select n.id, n.status, n.appointment_id from session_note n where n.family_id = ?",
                                    "familyId"),
                            q(
                                    "select a.*, s.display_name from family_assignment a join staff_member s on s.id ="
                                            + " a.counselor_id where a.family_id = ? order by a.assigned_at",
                                    "familyId"),
                            q(
                                    "select e.*, g.name from group_enrollment e join support_group g on g.id ="
                                            + " e.group_id join family_member m on m.id = e.family_member_id where"
                                            + " m.family_id = ? and e.status <> 'LEFT'",
                                    "familyId"),
                            q(
                                    "select a.* from group_attendance a join family_member m on m.id ="
                                            + " a.family_member_id where m.family_id = ?",
                                    "familyId"),
                            // the family's signed group notes, and what each says of whom
                            q(
                                    "select n.id, n.body, n.status, s.starts_at, g.name from group_note n join"
                                            + " group_session s on s.id = n.group_session_id join support_group g on"
                                            + " g.id = s.group_id where n.status <> 'DRAFT' and exists (select 1 from"
                                            + " group_note_section x where x.note_id = n.id and x.family_id = ?)"
                                            + " order by s.starts_at desc",
                                    "familyId"),
                            q(
                                    "select x.note_id, x.family_member_id, x.text, m.full_name from"
                                            + " group_note_section x join family_member m on m.id = x.family_member_id"
                                            + " where x.note_id in (select note_id from group_note_section where"
                                            + " family_id = ?)",
                                    "familyId"))),
            // the family plan tab (issue 25): the safety plan and raised flags, boundaries with their holders, wordings
            // and reviews, the members' measures, the resources given and the directory to give from, education
            new Page(
                    "counselor: family plan",
                    "counselor",
                    List.of(
                            q("select * from family where id = ?", "familyId"),
                            q("select * from family_member where family_id = ? order by position", "familyId"),
                            q("select * from intake where family_id = ?", "familyId"),
                            q(
                                    "select p.*, v.* from safety_plan p left join safety_plan_version v on v.plan_id ="
                                            + " p.id where p.family_id = ? order by v.number desc",
                                    "familyId"),
                            q(
                                    "select r.* from safety_plan_review r join safety_plan p on p.id = r.plan_id where"
                                            + " p.family_id = ?",
                                    "familyId"),
                            q("select * from safety_flag_raise where family_id = ? and lowered_at is null", "familyId"),
                            q("select * from boundary where family_id = ? order by agreed_on", "familyId"),
                            q(
                                    "select h.* from boundary_holder h join boundary b on b.id = h.boundary_id where"
                                            + " b.family_id = ?",
                                    "familyId"),
                            q(
                                    "select w.* from boundary_wording w join boundary b on b.id = w.boundary_id where"
                                            + " b.family_id = ? order by w.written_at",
                                    "familyId"),
                            q(
                                    "select r.* from boundary_review r join boundary b on b.id = r.boundary_id where"
                                            + " b.family_id = ? order by r.session_day desc",
                                    "familyId"),
                            q("select * from wellbeing_measure where family_id = ? order by taken_on", "familyId"),
                            q(
                                    "select g.*, r.name from resource_gift g join community_resource r on r.id ="
                                            + " g.resource_id where g.family_id = ? order by g.given_on desc",
                                    "familyId"),
                            q("select * from community_resource where active order by name limit 200"),
                            q(
                                    "select t.topic, n.id, a.starts_at from note_education_topic t join session_note"
                                            + " n on n.id = t.note_id join appointment a on a.id = n.appointment_id"
                                            + " where n.family_id = ?",
                                    "familyId"))),
            new Page(
                    "counselor: episode timeline",
                    "counselor",
                    List.of(
                            q(
                                    "select e.*, l.alias, f.family_name from engagement_episode e join loved_one l on"
                                            + " l.id = e.loved_one_id join family f on f.id = e.family_id where e.id = ?",
                                    "episodeId"),
                            q(
                                    "select * from episode_event where episode_id = ? order by occurred_on, id",
                                    "episodeId"))),
            new Page(
                    "counselor: note page",
                    "counselor",
                    List.of(
                            q("select * from session_note where id = ?", "noteId"),
                            q(
                                    "select a.*, f.family_name from appointment a join session_note n on"
                                            + " n.appointment_id = a.id join family f on f.id = a.family_id where n.id"
                                            + " = ?",
                                    "noteId"),
                            q(
                                    "select m.* from family_member m join session_note n on n.family_id = m.family_id"
                                            + " where n.id = ? order by m.position",
                                    "noteId"),
                            q("select * from note_change_talk where note_id = ?", "noteId"),
                            q("select * from note_addendum where note_id = ?", "noteId"))),
            new Page(
                    "front desk: today's schedule",
                    "frontDesk",
                    List.of(
                            q(
                                    "select a.*, f.family_name, f.case_number, s.display_name, r.name from appointment a"
                                            + " join family f on f.id = a.family_id join staff_member s on s.id ="
                                            + " a.counselor_id left join room r on r.id = a.room_id where a.starts_at >="
                                            + " cast(? as date)::timestamp at time zone 'America/New_York' and"
                                            + " a.starts_at < (cast(? as date) + 1)::timestamp at time zone"
                                            + " 'America/New_York' order by a.starts_at, a.id limit 25",
                                    "day",
                                    "day"),
                            q(
                                    "select count(*) from appointment a where a.starts_at >= cast(? as"
                                            + " date)::timestamp at time zone 'America/New_York' and a.starts_at <"
                                            + " (cast(? as date) + 1)::timestamp at time zone 'America/New_York'",
                                    "day",
                                    "day"),
                            q(
                                    "select s.*, g.name from group_session s join support_group g on g.id = s.group_id"
                                            + " where s.occurs_on = cast(? as date) order by s.starts_at",
                                    "day"))),
            new Page(
                    "front desk: search a family",
                    "frontDesk",
                    List.of(q(
                            "select f.id, f.case_number, f.family_name, f.status from family f where f.id in"
                                    + " (select x.id from family x where lower(x.family_name) like '%' || lower(?) ||"
                                    + " '%' union select m.family_id from family_member m where lower(m.full_name)"
                                    + " like '%' || lower(?) || '%' union select x.id from family x where"
                                    + " x.case_number = upper(?)) order by f.id limit 50",
                            "searchTerm", "searchTerm", "searchTerm"))),
            new Page(
                    "front desk: a group's roster",
                    "frontDesk",
                    List.of(
                            q(
                                    "select s.*, g.name from group_session s join support_group g on g.id = s.group_id"
                                            + " where s.id = ?",
                                    "groupSession"),
                            q(
                                    "select e.family_member_id, m.full_name, m.family_id from group_enrollment e join"
                                            + " family_member m on m.id = e.family_member_id join group_session s on"
                                            + " s.group_id = e.group_id where s.id = ? and e.status = 'ENROLLED'",
                                    "groupSession"),
                            q(
                                    "select a.family_member_id, a.mark from group_attendance a where"
                                            + " a.group_session_id = ?",
                                    "groupSession"))),
            // the treatment-provider directory (issue 24): its first page by name, and a search filtered in the
            // database by level of care, payment and language, as every staff role reads it
            new Page(
                    "counselor: treatment providers",
                    "counselor",
                    List.of(
                            q("select p.* from treatment_provider p where p.active order by lower(p.name), p.id"
                                    + " limit 25"),
                            q("select count(*) from treatment_provider p where p.active"),
                            q("select l.* from provider_level_of_care l where l.provider_id in (select p.id from"
                                    + " treatment_provider p where p.active order by lower(p.name), p.id limit 25)"))),
            new Page(
                    "counselor: treatment providers filtered (API)",
                    "counselor",
                    List.of(q("select p.* from treatment_provider p where p.active and exists (select 1 from"
                            + " provider_level_of_care l where l.provider_id = p.id and l.level_of_care ="
                            + " 'INTENSIVE_OUTPATIENT') and exists (select 1 from provider_payment y where"
                            + " y.provider_id = p.id and y.payment = 'MEDICAID') and exists (select 1 from"
                            + " provider_language g where g.provider_id = p.id and g.language = 'en')"
                            + " order by lower(p.name), p.id limit 25"))),
            new Page(
                    "API: my sessions this week",
                    "counselor",
                    List.of(q(
                            "select a.*, f.family_name from appointment a join family f on f.id = a.family_id where"
                                    + " a.counselor_id = ? and a.starts_at >= cast(? as date) and a.starts_at <"
                                    + " cast(? as date) + 7 order by a.starts_at",
                            "counselorId",
                            "today",
                            "today"))));

    /** The pages whose floor is the program report's figure SQL, over the supervisor's programs and a year. */
    static final List<String> REPORT_PAGES = List.of(
            "supervisor: program overview",
            "supervisor: export CSV (API)",
            "supervisor: export XLSX (API)",
            "supervisor: program report PDF (API)");

    /** The same floors under the names of the requests that show the same thing. */
    static final Map<String, String> SAME_AS = Map.of(
            "API: my caseload", "counselor: my caseload",
            "API: an episode", "counselor: episode timeline",
            "front desk: treatment providers", "counselor: treatment providers",
            "supervisor: treatment providers", "counselor: treatment providers",
            "front desk: treatment providers filtered (API)", "counselor: treatment providers filtered (API)",
            "supervisor: treatment providers filtered (API)", "counselor: treatment providers filtered (API)");

    private static Query q(String sql, String... parameters) {
        return new Query(sql, List.of(parameters));
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("figures")) {
            Map<String, String> env = System.getenv();
            printFigureTimes(
                    env.getOrDefault("DB_URL", "jdbc:postgresql://localhost:15432/hearth"),
                    env.getOrDefault("DB_USER", "hearth"),
                    env.getOrDefault("DB_PASSWORD", "hearth"),
                    System.out);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path output = Path.of(args.length > 1 ? args[1] : "bench/target/floors.properties");
        Map<String, String> env = System.getenv();
        String url = env.getOrDefault("DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        String user = env.getOrDefault("DB_USER", "hearth");
        String password = env.getOrDefault("DB_PASSWORD", "hearth");
        Map<String, double[]> floors = measure(url, user, password, runs, System.out);
        write(floors, output);
        System.out.println("Floors written to " + output);
    }

    static Map<String, double[]> measure(String url, String user, String password, int runs, PrintStream out)
            throws SQLException {
        Map<String, double[]> floors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            // the front desk's day (BenchDay): today, or the clinic's next open day with sessions
            String given = System.getProperty("bench.day", System.getenv("BENCH_DAY"));
            LocalDate day = given != null && !given.isBlank()
                    ? LocalDate.parse(given.trim())
                    : BenchDay.read(connection, Clock.systemUTC()).orElse(today);
            Map<String, List<Map<String, Object>>> samples = samples(connection, today);
            samples.values().forEach(rows -> rows.forEach(row -> row.put("day", day)));
            for (Page page : PAGES) {
                List<Map<String, Object>> rows = samples.get(page.sample());
                double[] times = new double[runs];
                for (int run = -10; run < runs; run++) {
                    Map<String, Object> row = rows.get(Math.floorMod(run * 7919, rows.size()));
                    long started = System.nanoTime();
                    for (Query query : page.queries()) {
                        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                            for (int p = 0; p < query.parameters().size(); p++) {
                                statement.setObject(
                                        p + 1, row.get(query.parameters().get(p)));
                            }
                            try (ResultSet result = statement.executeQuery()) {
                                while (result.next()) {
                                    // read every row, as the page does
                                }
                            }
                        }
                    }
                    if (run >= 0) {
                        times[run] = (System.nanoTime() - started) / 1e6;
                    }
                }
                floors.put(page.name(), summary(times));
            }
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(url);
            source.setUser(user);
            source.setPassword(password);
            ProgramFigures figures = new ProgramFigures(source, Clock.system(ZoneId.of("America/New_York")));
            List<Map<String, Object>> supervisors = samples.get("supervisor");
            int reportRuns = Math.max(5, runs / 10);
            double[] times = new double[reportRuns];
            for (int run = -2; run < reportRuns; run++) {
                Map<String, Object> row = supervisors.get(Math.floorMod(run, supervisors.size()));
                ReportScope scope = ReportScope.ofPrograms(
                        Set.of(((Number) row.get("programId")).longValue()), today.minusYears(1), today);
                long started = System.nanoTime();
                everyFigure(figures, scope);
                if (run >= 0) {
                    times[run] = (System.nanoTime() - started) / 1e6;
                }
            }
            double[] report = summary(times);
            REPORT_PAGES.forEach(name -> floors.put(name, report));
            SAME_AS.forEach((name, same) -> floors.put(name, floors.get(same)));
        }
        floors.forEach((name, f) -> out.printf("  %-45s floor p50 %8.2f ms  p95 %8.2f ms%n", name, f[0], f[1]));
        return floors;
    }

    /** Every figure of the program report, as ProgramReports reads them; each one's time in ms. */
    static Map<String, Double> everyFigure(ProgramFigures figures, ReportScope scope) {
        Map<String, Runnable> each = new LinkedHashMap<>();
        each.put("episodesOpened", () -> figures.episodesOpened(scope));
        each.put("entryByCohort", () -> figures.entryByCohort(scope));
        each.put("daysToEntry", () -> figures.daysToEntry(scope));
        each.put("timeToEntry", () -> figures.timeToEntry(scope));
        each.put("retention", () -> figures.retention(scope));
        each.put("refusalReasons", () -> figures.refusalReasons(scope));
        each.put("levelsOfCareEntered", () -> figures.levelsOfCareEntered(scope));
        each.put("criticalEvents", () -> figures.criticalEvents(scope));
        each.put("naloxoneKitsGiven", () -> figures.naloxoneKitsGiven(scope));
        each.put("sessionsHeld", () -> figures.sessionsHeld(scope));
        each.put("sessionAttendance", () -> figures.sessionAttendance(scope));
        each.put("groupAttendance", () -> figures.groupAttendance(scope));
        each.put("waitlists", () -> figures.waitlists(scope));
        each.put("craftProceduresDelivered", () -> figures.craftProceduresDelivered(scope));
        each.put("sessionsBeforeEntry", () -> figures.sessionsBeforeEntry(scope));
        each.put("caseloads", () -> figures.caseloads(scope));
        each.put("fidelity", () -> figures.fidelity(scope));
        each.put("referrals", () -> figures.referrals(scope));
        each.put("referralsLost", () -> figures.referralsLost(scope));
        each.put("entriesByProvider", () -> figures.entriesByProvider(scope));
        each.put("offersAfterCriticalEvent", () -> figures.offersAfterCriticalEvent(scope));
        Map<String, Double> times = new LinkedHashMap<>();
        each.forEach((name, figure) -> {
            long started = System.nanoTime();
            figure.run();
            times.put(name, (System.nanoTime() - started) / 1e6);
        });
        return times;
    }

    /** {@code Floors figures}: each figure's time for one program over a year, the slowest first. */
    static void printFigureTimes(String url, String user, String password, PrintStream out) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(user);
        source.setPassword(password);
        ProgramFigures figures = new ProgramFigures(source, Clock.system(ZoneId.of("America/New_York")));
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        long program;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement s = connection.createStatement();
                ResultSet first = s.executeQuery("select min(program_id) from family")) {
            first.next();
            program = first.getLong(1);
        }
        Map<String, Double> times =
                everyFigure(figures, ReportScope.ofPrograms(Set.of(program), today.minusYears(1), today));
        times.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(t -> out.printf("  %-26s %10.1f ms%n", t.getKey(), t.getValue()));
    }

    /** The ids the benchmark's personas use: counselors with their families, episodes and notes; clerks; supervisors. */
    private static Map<String, List<Map<String, Object>>> samples(Connection connection, LocalDate today)
            throws SQLException {
        Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
        samples.put(
                "counselor",
                rows(
                        connection,
                        "select n.author_id as \"counselorId\", n.family_id as \"familyId\", n.id as \"noteId\","
                                + " (select e.id from engagement_episode e where e.family_id = n.family_id order by"
                                + " e.id limit 1) as \"episodeId\" from session_note n where n.status = 'DRAFT' and"
                                + " exists (select 1 from engagement_episode e where e.family_id = n.family_id)"
                                + " order by n.id limit 500",
                        today));
        samples.put(
                "frontDesk",
                rows(
                        connection,
                        "with latest as (select distinct on (g.program_id) g.program_id, s.id from group_session s"
                                + " join support_group g on g.id = s.group_id where s.occurs_on <= current_date order"
                                + " by g.program_id, s.occurs_on desc, s.id) select f.case_number as \"searchTerm\","
                                + " latest.id as \"groupSession\" from family f join latest on latest.program_id ="
                                + " f.program_id where f.status = 'ACTIVE' order by f.id limit 500",
                        today));
        samples.put(
                "supervisor",
                rows(
                        connection,
                        "select sp.program_id as \"programId\" from staff_member s join staff_program sp on"
                                + " sp.staff_member_id = s.id where s.username like 'supervisor%' order by s.id",
                        today));
        return samples;
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql, LocalDate today)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet result = s.executeQuery(sql)) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                }
                row.put("today", today);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("No sample rows for the floors (" + sql + "): generate data first");
        }
        return rows;
    }

    /** p50 and p95 of the times, in ms. */
    static double[] summary(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, 50), percentile(sorted, 95)};
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static void write(Map<String, double[]> floors, Path output) throws IOException {
        StringBuilder text = new StringBuilder("# page = floor p50 ms, floor p95 ms\n");
        floors.forEach((name, f) -> text.append(name.replace(" ", "\\ ").replace(":", "\\:"))
                .append(" = ")
                .append(String.format(Locale.ROOT, "%.2f,%.2f", f[0], f[1]))
                .append('\n'));
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, text);
    }
}
