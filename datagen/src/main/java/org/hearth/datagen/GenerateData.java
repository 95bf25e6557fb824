package org.hearth.datagen;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./hearth generate [--scale demo|small|agency] [--seed N] [--today yyyy-mm-dd] [--replace]}: fills a migrated
 * Hearth database with synthetic programs, staff, families, intakes, episodes, sessions, notes (with their MI
 * parts), MITI reviews, groups, group notes, attendance, consents, disclosures, emergency accesses, closures and
 * audit entries, laid out around {@code today}. The same seed on the same starting database and day gives the same
 * rows. Connects to {@code DB_URL} as {@code DB_USER} / {@code DB_PASSWORD}, by default the running local stack's
 * database as its owner. Refuses (exit 2) a database without Hearth's schema, and one that already holds generated
 * data unless {@code --replace} (which empties it first) or {@code --if-missing} (which then adds nothing: the
 * launcher's demo data).
 *
 * <p>The rows are made by the database itself ({@code generate.sql}, set-based inserts under {@code setseed} in
 * one session), which keeps agency scale to minutes on two cores; the audit trail is chained in Java with the
 * application's own hashing and copied in ({@link SyntheticAuditTrail}), so it verifies
 * ({@code ./hearth verify-audit}).
 */
public final class GenerateData {

    /** How much to make. */
    public enum Scale {
        // the demo staff (carlos, cora, sofia) carry most of the demo set's caseloads, beside one generated
        // counselor a program
        DEMO(Map.ofEntries(
                Map.entry("programs", 2),
                Map.entry("frontDesk", 2),
                Map.entry("counselors", 2),
                Map.entry("supervisors", 1),
                Map.entry("admins", 1),
                Map.entry("historyDays", 540),
                Map.entry("families", 72),
                Map.entry("sessionsPerFamily", 16),
                Map.entry("groups", 6),
                Map.entry("groupWeeks", 20),
                Map.entry("auditEntries", 3_000))),
        SMALL(Map.ofEntries(
                Map.entry("programs", 3),
                Map.entry("frontDesk", 3),
                Map.entry("counselors", 15),
                Map.entry("supervisors", 3),
                Map.entry("admins", 1),
                Map.entry("historyDays", 5 * 365),
                Map.entry("families", 2_000),
                Map.entry("sessionsPerFamily", 20),
                Map.entry("groups", 30),
                Map.entry("groupWeeks", 40),
                Map.entry("auditEntries", 40_000))),
        AGENCY(Map.ofEntries(
                Map.entry("programs", 6),
                Map.entry("frontDesk", 24),
                Map.entry("counselors", 240),
                Map.entry("supervisors", 30),
                Map.entry("admins", 6),
                Map.entry("historyDays", 5 * 365),
                Map.entry("families", 50_000),
                Map.entry("sessionsPerFamily", 20),
                Map.entry("groups", 1_500),
                Map.entry("groupWeeks", 80),
                Map.entry("auditEntries", 2_000_000)));

        final Map<String, Integer> sizes;

        Scale(Map<String, Integer> sizes) {
            this.sizes = sizes;
        }
    }

    /** The share of (non-intake) families whose first loved one has an engagement episode. */
    static final String EPISODE_SHARE = "0.85";

    /** The share of episodes on a path to treatment entry, as in the CRAFT trials (58.6-74%). */
    static final String ENTRY_RATE = "0.66";

    private static final Pattern INSERT = Pattern.compile("insert into ([a-z_]+)", Pattern.CASE_INSENSITIVE);

    /** The tables a run fills, in the order the counts are printed. */
    static final List<String> TABLES = List.of(
            "program",
            "staff_member",
            "room",
            "clinic_closure",
            "family",
            "family_assignment",
            "family_member",
            "intake",
            "member_readiness",
            "loved_one",
            "engagement_episode",
            "episode_event",
            "appointment",
            "appointment_member",
            "session_note",
            "note_change_talk",
            "note_readiness",
            "note_loved_one_stage",
            "note_education_topic",
            "note_addendum",
            "miti_review",
            "support_group",
            "group_session",
            "group_enrollment",
            "group_attendance",
            "group_note",
            "group_note_section",
            "consent",
            "disclosure",
            "emergency_access",
            "treatment_provider",
            "provider_level_of_care",
            "provider_medication",
            "provider_payment",
            "provider_language",
            "provider_population",
            "ready_plan",
            "plan_provider",
            "referral",
            "referral_step",
            // issue 25, safety
            "safety_flag_raise",
            "safety_plan",
            "safety_plan_version",
            "safety_plan_review",
            // issue 25, boundaries
            "boundary",
            "boundary_holder",
            "boundary_wording",
            "boundary_review",
            // issue 25, resources
            "community_resource",
            "resource_gift",
            "audit_entry");

    private GenerateData() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(
                    "usage: ./hearth generate [--scale demo|small|agency] [--seed N] [--today yyyy-mm-dd] [--replace | --if-missing]");
            return 2;
        }
        String url = environment.getOrDefault("DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        String user = environment.getOrDefault("DB_USER", "hearth_owner");
        String password = environment.getOrDefault("DB_PASSWORD", "hearth_owner");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Optional<String> refusal = refusal(connection);
            if (refusal.isPresent() && options.ifMissing() && refusal.get().contains("already holds")) {
                out.println("The database holds generated data already: nothing to add.");
                return 0;
            }
            if (refusal.isPresent() && options.replace() && refusal.get().contains("already holds")) {
                out.println("Removing the generated data, and every family, group and audit entry with it (--replace)"
                        + " ...");
                clear(connection);
                refusal = refusal(connection);
            }
            if (refusal.isPresent()) {
                err.println(refusal.get());
                return 2;
            }
            out.println("Generating " + options.scale().name().toLowerCase(Locale.ROOT) + " data (seed "
                    + options.seed() + ", today " + options.today() + ") into " + url + " ...");
            long started = System.nanoTime();
            generate(connection, options, out);
            out.printf("Done in %.0f s.%n", (System.nanoTime() - started) / 1e9);
            counts(connection).forEach((table, count) -> out.printf("  %-20s %,12d%n", table, count));
            try (Statement s = connection.createStatement();
                    ResultSet size = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
                size.next();
                out.println("  database size        " + size.getString(1));
            }
            RealmUsers realm = new RealmUsers(environment.getOrDefault("KEYCLOAK_URL", "http://localhost:8180"));
            if (realm.reachable()) {
                int added = realm.add(generatedStaff(connection));
                out.println("Keycloak: " + added + " generated staff added to the realm; they sign in as"
                        + " frontdesk001, counselor001, supervisor001, admin001 ... with the password "
                        + RealmUsers.PASSWORD + ".");
            } else {
                out.println("Keycloak does not answer: the generated staff have no logins yet. Run again with"
                        + " KEYCLOAK_URL set to add them.");
            }
            return 0;
        } catch (IOException e) {
            err.println("Could not add the generated staff to Keycloak: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (SQLException e) {
            err.println("Could not generate into " + url + " (is `./hearth run` running, or DB_URL set?): "
                    + e.getMessage());
            return 1;
        }
    }

    /** Each generated staff member: username, then display name and realm role. */
    static List<Map.Entry<String, String[]>> generatedStaff(Connection connection) throws SQLException {
        List<Map.Entry<String, String[]>> staff = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("select username, display_name, roles from staff_member"
                        + " where email like '%@bench.hearth.example' order by id")) {
            while (rows.next()) {
                staff.add(Map.entry(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)}));
            }
        }
        return staff;
    }

    /** Why this database cannot take generated data, if it cannot. */
    static Optional<String> refusal(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet migrated = s.executeQuery("select to_regclass('public.audit_chain_head') is not null")) {
                migrated.next();
                if (!migrated.getBoolean(1)) {
                    return Optional.of("The database has no Hearth schema yet: start Hearth once (./hearth run), which"
                            + " migrates it, then generate.");
                }
            }
            try (ResultSet generated =
                    s.executeQuery("select count(*) from staff_member where email like '%@bench.hearth.example'")) {
                generated.next();
                if (generated.getLong(1) > 0) {
                    return Optional.of("This database already holds generated data: add --replace to remove it (and"
                            + " every family, group and audit entry with it) and generate again, or generate into a"
                            + " fresh one (stop Hearth, remove .hearth/postgres, start it again).");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Empties a generated database for {@code --replace}: every table of records (families and all that hangs
     * off them, groups, consents, calendar feeds, the audit trail, whose chain starts again), then the generated
     * staff, their rooms and programs. What the migrations and the demo seed put there (opening hours, the demo
     * programs, staff and rooms) stays. Only for a database the generator filled: it never asks whose records
     * these are.
     */
    static void clear(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            List<String> records = new ArrayList<>();
            try (ResultSet tables = s.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename not in ('flyway_schema_history', 'audit_chain_head', 'clinic_hours', 'program',"
                    + " 'staff_member', 'staff_program', 'room') order by tablename")) {
                while (tables.next()) {
                    records.add(tables.getString(1));
                }
            }
            // the audit trail refuses truncation to the application; its owner switches that off for this
            // transaction only, and the chain starts again from its genesis
            s.execute("alter table audit_entry disable trigger audit_entry_not_truncated");
            s.execute("truncate " + String.join(", ", records) + " restart identity");
            s.execute("alter table audit_entry enable trigger audit_entry_not_truncated");
            s.execute("update audit_chain_head set last_seq = 0, last_hash = repeat('0', 64) where id = 1");
            s.execute("delete from staff_program where staff_member_id in (select id from staff_member where email"
                    + " like '%@bench.hearth.example') or program_id in (select id from program where name "
                    + GENERATED_PROGRAM + ")");
            s.execute("delete from staff_member where email like '%@bench.hearth.example'");
            s.execute("delete from room where name ~ '^.+ Family Program( [0-9]+)?, room [0-9]+$'");
            s.execute("delete from program where name " + GENERATED_PROGRAM);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The generated programs' names (generate.sql): "North Family Program", ... "Harbor Family Program 12". */
    private static final String GENERATED_PROGRAM =
            "~ '^(North|South|East|West|Central|Harbor|Valley|Lakeside|Riverside|Hillside) Family Program( [0-9]+)?$'";

    /** Runs generate.sql with the scale's sizes, the seed and the day, statement by statement, in one session. */
    static void generate(Connection connection, Options options, PrintStream out) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        options.scale().sizes.forEach((name, size) -> values.put(name, Integer.toString(size)));
        values.put("seed", Double.toString(options.seedFraction()));
        values.put("today", "date '" + options.today() + "'");
        values.put("zone", options.zone().getId());
        values.put("episodeShare", EPISODE_SHARE);
        values.put("entryRate", ENTRY_RATE);
        // the demo set gives the demo staff (frida, carlos, cora, sam, sofia) caseloads, schedules and groups
        values.put("demoStaff", options.scale() == Scale.DEMO ? "'frida', 'carlos', 'cora', 'sam', 'sofia'" : "''");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script(), values)) {
                long started = System.nanoTime();
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " in: " + sql, e.getSQLState(), e);
                }
                Matcher insert = INSERT.matcher(sql);
                if (insert.lookingAt()) {
                    // the planner must know how big the tables have grown within this transaction, or it
                    // joins them as if they were empty (nested loops over millions of rows)
                    statement.execute("analyze " + insert.group(1));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (seconds > 2) {
                    out.printf("  %5.0f s  %s%n", seconds, firstLine(sql));
                }
            }
            int entries = options.scale().sizes.get("auditEntries");
            long started = System.nanoTime();
            // the chaining trigger would overwrite the computed links, and rewrite the head once per entry: off,
            // as the table's owner and inside the transaction (a failure rolls the switch back too)
            statement.execute("alter table audit_entry disable trigger audit_entry_chain");
            SyntheticAuditTrail.append(
                    connection,
                    entries,
                    options.seed(),
                    options.today().minusDays(options.scale().sizes.get("historyDays")),
                    options.today(),
                    options.zone(),
                    SyntheticAuditTrail.actors(connection));
            statement.execute("alter table audit_entry enable trigger audit_entry_chain");
            out.printf(
                    "  %5.0f s  %,d audit entries chained and copied%n", (System.nanoTime() - started) / 1e9, entries);
            started = System.nanoTime();
            statement.execute("analyze");
            out.printf("  %5.0f s  analyze%n", (System.nanoTime() - started) / 1e9);
            connection.commit();
            // as autovacuum leaves a database that has lived: the visibility map lets the pages' index-only scans
            // skip the heap, and the rows' hint bits are set once here, not by the first readers
            connection.setAutoCommit(true);
            started = System.nanoTime();
            // the sessions' signed-note marks were set after the notes, rewriting most sessions: packed again
            statement.execute("vacuum full appointment");
            statement.execute("vacuum");
            out.printf("  %5.0f s  vacuum%n", (System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet count = s.executeQuery("select count(*) from " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * The script's statements with the values put in: each ends with a semicolon at the end of a line, outside
     * a dollar-quoted body.
     */
    static List<String> statements(String script, Map<String, String> values) {
        String filled = script;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (filled.contains("${")) {
            int at = filled.indexOf("${");
            throw new IllegalStateException(
                    "generate.sql needs a value for " + filled.substring(at, filled.indexOf('}', at) + 1));
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : filled.split("\n", -1)) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            int dollars = line.split("\\$\\$", -1).length - 1;
            if (dollars % 2 == 1) {
                inBody = !inBody;
            }
            if (!inBody && line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("generate.sql ends inside a statement: " + firstLine(current.toString()));
        }
        return statements;
    }

    private static String script() {
        try (InputStream in = GenerateData.class.getResourceAsStream("generate.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("generate.sql is missing from the classpath", e);
        }
    }

    private static String firstLine(String sql) {
        String first = sql.strip().lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 100) + "..." : first;
    }

    /** What to generate: the scale, the seed, the day the data is laid out around, and the clinic's zone. */
    record Options(Scale scale, long seed, LocalDate today, ZoneId zone, boolean ifMissing, boolean replace) {

        Options(Scale scale, long seed, LocalDate today, ZoneId zone) {
            this(scale, seed, today, zone, false, false);
        }

        static Options parse(String... args) {
            Scale scale = Scale.SMALL;
            long seed = 42;
            ZoneId zone = ZoneId.of(Optional.ofNullable(System.getenv("HEARTH_CLINIC_TIME_ZONE"))
                    .filter(z -> !z.isBlank())
                    .orElse("America/New_York"));
            LocalDate today = LocalDate.now(zone);
            boolean ifMissing = false;
            boolean replace = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--scale" -> {
                        try {
                            scale = Scale.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--scale is demo, small or agency, not " + value);
                        }
                        i++;
                    }
                    case "--seed" -> {
                        try {
                            seed = Long.parseLong(String.valueOf(value));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed is a whole number, not " + value);
                        }
                        i++;
                    }
                    case "--today" -> {
                        try {
                            today = LocalDate.parse(String.valueOf(value));
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--today is a date as yyyy-mm-dd, not " + value);
                        }
                        i++;
                    }
                    case "--if-missing" -> ifMissing = true;
                    case "--replace" -> replace = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (ifMissing && replace) {
                throw new IllegalArgumentException("--replace and --if-missing contradict each other: choose one");
            }
            return new Options(scale, seed, today, zone, ifMissing, replace);
        }

        /** The seed as PostgreSQL's setseed takes it: a number from -1 to 1. */
        double seedFraction() {
            return (Math.floorMod(seed, 2_000_001L) - 1_000_000L) / 1_000_000.0;
        }
    }
}
