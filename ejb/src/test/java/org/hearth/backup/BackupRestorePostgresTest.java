package org.hearth.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.hearth.appointments.AppointmentKind;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.audit.AuditAnchorFile;
import org.hearth.audit.AuditChain;
import org.hearth.audit.VerifyAudit;
import org.hearth.engagement.RefusalReason;
import org.hearth.groups.AttendanceMark;
import org.hearth.launcher.EmbeddedDatabase;
import org.hearth.notes.CraftProcedure;
import org.hearth.notes.NoteStatus;
import org.hearth.report.ReportDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Backups of a real PostgreSQL 17, migrated as the server migrates it and filled through the application's role:
 * families, members, episodes and their events, sessions, signed notes, groups, meetings, attendance, enrollments
 * and an anchored audit chain. A backup restored into a new, empty database holds every row of every table as they
 * were when it was taken - not as they were changed after - and its audit chain verifies against the anchors it
 * carried; a database that holds tables, and a damaged or cut file, are refused with a reason, touching nothing.
 */
class BackupRestorePostgresTest {

    private static final Instant MORNING = Instant.parse("2026-12-07T08:00:00Z");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedDatabase postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void migrate() {
        postgres = EmbeddedDatabase.start(Path.of("target", "backup-postgres"), 0, true);
        Flyway.configure(BackupRestorePostgresTest.class.getClassLoader())
                .dataSource(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword())
                .placeholders(Map.of("appRole", postgres.user()))
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEveryRowAsItWasAndItsAuditChainVerifies() throws Exception {
        fill(postgres.jdbcUrl());
        writeAudit(postgres.jdbcUrl(), 6, "before-the-backup");
        AuditAnchorFile anchors = new AuditAnchorFile(folder.resolve("audit-anchor"));
        anchors.append(head(postgres.jdbcUrl()), MORNING);
        Path file = folder.resolve("hearth.zip");

        DatabaseBackup.Written written;
        try (Connection owner = owner(postgres.jdbcUrl())) {
            written = DatabaseBackup.write(owner, file, Optional.of(anchors), MORNING.plusSeconds(60));
        }
        Map<String, List<String>> atBackup = everyRow(postgres.jdbcUrl());

        assertThat(written.audit().isIntact()).as(written.audit().toString()).isTrue();
        assertThat(written.manifest().tables())
                .extracting(BackupManifest.Table::name)
                .containsExactlyElementsOf(atBackup.keySet());
        for (String table : List.of(
                "family",
                "family_member",
                "engagement_episode",
                "episode_event",
                "appointment",
                "session_note",
                "support_group",
                "group_session",
                "group_attendance",
                "group_enrollment",
                "audit_entry")) {
            assertThat(written.manifest().table(table).orElseThrow().rows())
                    .as(table + " has rows in the backup, as many as in the database")
                    .isPositive()
                    .isEqualTo(atBackup.get(table).size());
        }

        // the clinic works on after the backup: changed, new and removed rows, more audit entries, a later anchor
        try (Connection app = application(postgres.jdbcUrl());
                Statement change = app.createStatement()) {
            change.executeUpdate("update family set family_name = 'Changed after the backup'");
            change.executeUpdate("delete from group_attendance");
        }
        fill(postgres.jdbcUrl());
        writeAudit(postgres.jdbcUrl(), 4, "after-the-backup");
        anchors.append(head(postgres.jdbcUrl()), MORNING.plusSeconds(120));
        assertThat(everyRow(postgres.jdbcUrl())).isNotEqualTo(atBackup);

        String fresh = emptyDatabase();
        DatabaseRestore.Restored restored = DatabaseRestore.restore(
                file,
                new DatabaseRestore.Target(fresh, postgres.ownerUser(), postgres.ownerPassword()),
                Optional.empty(),
                Optional.of(anchors),
                MORNING.plusSeconds(180));

        assertThat(everyRow(fresh))
                .as("every table, every row, as it was when the backup was taken")
                .isEqualTo(atBackup);
        assertThat(restored.counts()).allSatisfy(count -> assertThat(count.restored())
                .as(count.table())
                .isEqualTo(count.inBackup())
                .isEqualTo(atBackup.get(count.table()).size()));
        assertThat(restored.anchorFileKeptAs())
                .as("the anchors of the database that went on are kept beside, not lost")
                .hasValueSatisfying(
                        kept -> assertThat(kept).exists().hasFileName("audit-anchor.before-restore-20261207T080300Z"));
        assertThat(restored.audit().isIntact()).as(restored.audit().toString()).isTrue();
        assertThat(restored.audit().anchor().anchoredAt()).isEqualTo(MORNING);
        try (Connection app = application(fresh)) {
            AuditChain.Verification again = VerifyAudit.verify(app, Optional.of(anchors));
            assertThat(again.isIntact()).isTrue();
            assertThat(again.checked()).isEqualTo(written.manifest().auditHeadSeq());
        }

        // the restored database works on: its sequences and its audit chain carry on from the backup's
        fill(fresh);
        writeAudit(fresh, 2, "after-the-restore");
        try (Connection app = application(fresh)) {
            AuditChain.Verification grown = VerifyAudit.verify(app, Optional.of(anchors));
            assertThat(grown.isIntact()).as(grown.toString()).isTrue();
            assertThat(grown.checked()).isEqualTo(written.manifest().auditHeadSeq() + 2);
        }
    }

    @Test
    void theCommandsBackUpAndRestoreAndPrintEveryTablesRowsBeforeAndAfter() throws Exception {
        fill(postgres.jdbcUrl());
        writeAudit(postgres.jdbcUrl(), 2, "command");
        Path anchorFile = folder.resolve("anchors/audit-anchor");
        new AuditAnchorFile(anchorFile).append(head(postgres.jdbcUrl()), MORNING);
        Path file = folder.resolve("backups/by-command.zip");

        Outcome backup = command(List.of("backup", file.toString()), postgres.jdbcUrl(), anchorFile);

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out())
                .contains("in one snapshot to " + file.toAbsolutePath())
                .containsPattern("\\n  family +\\d+\\n")
                .contains("audit trail: intact");

        String fresh = emptyDatabase();
        Outcome restore = command(List.of("restore", file.toString()), fresh, folder.resolve("new/audit-anchor"));

        assertThat(restore.status()).as(restore.out() + restore.err()).isZero();
        long families = count(postgres.jdbcUrl(), "family");
        assertThat(restore.out())
                .contains("Restored " + file.toAbsolutePath())
                .containsPattern("\\n  family +" + families + " +" + families + "\\n")
                .contains("Audit trail: intact");
        assertThat(folder.resolve("new/audit-anchor")).hasSameTextualContentAs(anchorFile);
    }

    @Test
    void aRestoreIntoADatabaseThatHoldsTablesIsRefusedAndChangesNothing() throws Exception {
        fill(postgres.jdbcUrl());
        Path file = folder.resolve("hearth.zip");
        try (Connection owner = owner(postgres.jdbcUrl())) {
            DatabaseBackup.write(owner, file, Optional.empty(), MORNING);
        }
        fill(postgres.jdbcUrl());
        Map<String, List<String>> before = everyRow(postgres.jdbcUrl());

        Outcome refused = command(List.of("restore", file.toString()), postgres.jdbcUrl(), null);

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("The database at " + postgres.jdbcUrl() + " is not empty: it holds ")
                .contains("A restore goes only into an empty database")
                .contains("Nothing was restored")
                .contains("move .hearth/postgres and .hearth/audit-anchor away")
                .contains("createdb -O <owner> <name>");
        assertThat(everyRow(postgres.jdbcUrl())).isEqualTo(before);
    }

    @Test
    void aCutOrDamagedBackupIsRefusedWithTheReasonBeforeTheDatabaseIsTouched() throws Exception {
        fill(postgres.jdbcUrl());
        Path file = folder.resolve("hearth.zip");
        try (Connection owner = owner(postgres.jdbcUrl())) {
            DatabaseBackup.write(owner, file, Optional.empty(), MORNING);
        }
        byte[] whole = Files.readAllBytes(file);
        Path cut = folder.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        Path damaged = folder.resolve("damaged.zip");
        rewriteEntry(file, damaged, "tables/family.copy", rows -> rows.replaceFirst("\t", "\tX"));
        Path manifestChanged = folder.resolve("manifest-changed.zip");
        rewriteEntry(
                file,
                manifestChanged,
                BackupManifest.NAME,
                text -> text.replaceFirst("table family \\d+", "table family 999"));
        String fresh = emptyDatabase();

        Outcome cutShort = command(List.of("restore", cut.toString()), fresh, null);
        assertThat(cutShort.status()).isEqualTo(1);
        assertThat(cutShort.err())
                .startsWith(cut + " is not a whole Hearth backup (damaged, or cut short while copied)")
                .contains("Nothing was restored");

        assertThatThrownBy(() -> DatabaseRestore.check(damaged))
                .isInstanceOf(BackupRefused.class)
                .hasMessageStartingWith(damaged + " is damaged: table family holds ")
                .hasMessageContaining("and not the same ones (its checksum differs). Nothing was restored.");
        assertThatThrownBy(() -> DatabaseRestore.check(manifestChanged))
                .isInstanceOf(BackupRefused.class)
                .hasMessage(manifestChanged + " cannot be restored: its manifest does not match its own checksum: it"
                        + " was changed or damaged. Nothing was restored.");
        Outcome missing =
                command(List.of("restore", folder.resolve("nowhere.zip").toString()), fresh, null);
        assertThat(missing.err()).startsWith("there is no file " + folder.resolve("nowhere.zip"));

        try (Connection owner = owner(fresh)) {
            DatabaseRestore.requireEmpty(owner, fresh);
        }
    }

    // the data

    /** A program with a counselor, a family and its member, an episode with a refusal, a signed note, a group. */
    private static void fill(String url) {
        ReportDataset data = ReportDataset.inNewProgram(dataSource(url, postgres.user(), postgres.password()));
        long counselor = data.counselor("Carla Counselor");
        long family = data.family(counselor, LocalDate.of(2026, 11, 2));
        long member = data.member(family);
        long episode = data.episode(family, LocalDate.of(2026, 11, 2));
        data.refused(
                episode, LocalDate.of(2026, 11, 9), RefusalReason.FEAR_OF_WITHDRAWAL, RefusalReason.STIGMA_OR_SHAME);
        long session = data.session(
                family,
                counselor,
                AppointmentKind.CRAFT_SESSION,
                LocalDate.of(2026, 11, 9).atTime(10, 0),
                AppointmentStatus.COMPLETED);
        data.note(session, counselor, NoteStatus.SIGNED, CraftProcedure.POSITIVE_COMMUNICATION);
        long group = data.group("Parents' group");
        long meeting = data.meeting(group, LocalDate.of(2026, 11, 10), false);
        data.enrollment(group, member, "ENROLLED");
        data.attendance(meeting, member, AttendanceMark.PRESENT);
    }

    /** Entries written as the application writes them: the database numbers and chains them. */
    private static void writeAudit(String url, int entries, String username) throws SQLException {
        try (Connection c = application(url);
                PreparedStatement insert = c.prepareStatement("insert into audit_entry"
                        + " (occurred_at, username, roles, action, entity_type, entity_id, outcome, reason)"
                        + " values (now(), ?, 'counselor', 'READ_FAMILY', 'Family', ?, 'ALLOWED', null)")) {
            for (int i = 1; i <= entries; i++) {
                insert.setString(1, username);
                insert.setString(2, Integer.toString(i));
                insert.executeUpdate();
            }
        }
    }

    private static AuditChain.Head head(String url) throws SQLException {
        try (Connection c = application(url);
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
            row.next();
            return new AuditChain.Head(row.getLong(1), row.getString(2));
        }
    }

    /** Every table of the schema with all its rows as text, sorted: two databases with the same rows are equal. */
    private static Map<String, List<String>> everyRow(String url) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = owner(url);
                Statement s = c.createStatement()) {
            for (String table : DatabaseBackup.tables(c)) {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (row.next()) {
                        rows.add(row.getString(1));
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static long count(String url, String table) throws SQLException {
        try (Connection c = owner(url);
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A new database owned by the schema owner, with nothing in it: what a restore needs. */
    private static String emptyDatabase() throws SQLException {
        String name = "restored_" + DATABASES.incrementAndGet();
        try (Connection superuser = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + postgres.port() + "/postgres", "postgres", "");
                Statement s = superuser.createStatement()) {
            s.execute("create database " + name + " owner " + postgres.ownerUser());
        }
        return "jdbc:postgresql://localhost:" + postgres.port() + "/" + name;
    }

    /** A copy of the backup with one entry's text changed and the rest as it was. */
    private static void rewriteEntry(
            Path from, Path to, String entryName, java.util.function.UnaryOperator<String> change) throws Exception {
        try (ZipFile zip = new ZipFile(from.toFile());
                OutputStream bytes = Files.newOutputStream(to);
                ZipOutputStream copy = new ZipOutputStream(bytes)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    String changed = change.apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(changed)
                            .as("the test changed " + entryName)
                            .isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                    content = changed.getBytes(StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
    }

    private record Outcome(int status, String out, String err) {}

    private static Outcome command(List<String> args, String url, Path anchorFile) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DB_URL", url);
        environment.put("DB_MIGRATION_USER", postgres.ownerUser());
        environment.put("DB_MIGRATION_PASSWORD", postgres.ownerPassword());
        if (anchorFile != null) {
            environment.put(AuditAnchorFile.VARIABLE, anchorFile.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                args,
                environment,
                MORNING,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.ownerUser(), postgres.ownerPassword());
    }

    private static Connection application(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }
}
