package org.hearth.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.hearth.audit.AuditAnchorFile;
import org.hearth.audit.AuditChain;
import org.hearth.audit.VerifyAudit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a {@link DatabaseBackup} into an EMPTY database, and only there: a restore never mixes a backup's rows
 * with rows that are there, nor overwrites them. In order:
 *
 * <ol>
 *   <li>the whole file is read once and every table's rows and checksum compared with its manifest - a damaged or
 *       cut file is refused before the database is touched;
 *   <li>the database must hold no table, view or sequence in its schema;
 *   <li>the migrations build the schema up to the backup's schema version (as the schema owner, granting rows to
 *       the application's role as the server's migration does);
 *   <li>in ONE transaction: the rows the migrations put in are removed, every table's rows copied in with the
 *       triggers that would renumber the audit chain or refuse changes to final records switched off, the foreign
 *       keys checked again once all rows are in, every sequence set to its backed-up value; the rows of every
 *       table counted against the manifest - any difference and nothing is committed;
 *   <li>the audit anchors the backup carries become the server's anchor file (one that was there witnessed another
 *       database: it is kept beside, renamed), and the chain is verified against them.
 * </ol>
 *
 * <p>A newer Hearth then migrates the restored database further on its first start, as it would the original.
 */
public final class DatabaseRestore {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DatabaseRestore() {}

    /** Where to restore to: the database, as its schema owner. */
    public record Target(String url, String owner, String password) {}

    /** One table's rows: as the backup says, and as counted in the database after the restore. */
    public record Count(String table, long inBackup, long restored) {}

    /** What was restored, and the check of the audit chain afterwards. */
    public record Restored(
            BackupManifest manifest,
            List<Count> counts,
            Optional<Path> anchorFileKeptAs,
            AuditChain.Verification audit) {}

    /**
     * Reads and checks {@code file} whole without touching the database.
     *
     * @throws BackupRefused naming what is wrong: not a whole zip file, no manifest, a table cut or changed
     */
    public static BackupManifest check(Path file) {
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = manifest(zip, file);
            for (BackupManifest.Table table : manifest.tables()) {
                compare(zip, file, table.entryName(), table.rows(), table.sha256(), "table " + table.name());
            }
            if (manifest.anchors().isPresent()) {
                BackupManifest.Entry anchors = manifest.anchors().get();
                compare(zip, file, anchors.name(), anchors.lines(), anchors.sha256(), "the audit anchors");
            }
            return manifest;
        } catch (IOException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Restores {@code file} into the target database (see the class), then writes the backup's anchors to
     * {@code anchorFile} when one is named, and checks the audit chain.
     *
     * @param applicationRole the role the server runs as; empty: the one the backup names
     * @throws BackupRefused when the file is damaged, the database not empty, or the backup's schema newer than
     *     this Hearth's migrations
     */
    public static Restored restore(
            Path file,
            Target target,
            Optional<String> applicationRole,
            Optional<AuditAnchorFile> anchorFile,
            Instant now)
            throws SQLException, IOException {
        BackupManifest manifest = check(file);
        String role = BackupManifest.requireSqlName(applicationRole.orElse(manifest.applicationRole()));
        try (Connection connection = DriverManager.getConnection(target.url(), target.owner(), target.password())) {
            requireEmpty(connection, target.url());
            migrate(target, role, manifest.schemaVersion());
            List<Count> counts;
            try (ZipFile zip = open(file)) {
                counts = copyIn(connection, zip, manifest);
            } catch (SQLException | RuntimeException failed) {
                throw new BackupRefused(
                        "the rows could not be restored, nothing of them was committed: " + failed.getMessage()
                                + ". The database now holds the empty schema: remove it (drop and create the"
                                + " database again, or for the local stack move .hearth/postgres away) before"
                                + " trying again",
                        failed);
            }
            Optional<Path> keptAs = Optional.empty();
            AuditChain.Verification audit;
            if (anchorFile.isPresent()) {
                keptAs = replaceAnchors(file, manifest, anchorFile.get(), now);
                audit = VerifyAudit.verify(connection, anchorFile);
            } else {
                audit = VerifyAudit.verify(connection);
            }
            return new Restored(manifest, counts, keptAs, audit);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused("there is no file " + file);
        }
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw damaged(file, e);
        }
    }

    private static BackupRefused damaged(Path file, IOException e) {
        return new BackupRefused(
                file + " is not a whole Hearth backup (damaged, or cut short while copied): " + e.getMessage()
                        + ". Nothing was restored; take another copy of the backup.",
                e);
    }

    private static BackupManifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.NAME);
        if (entry == null) {
            throw new BackupRefused(file + " is not a Hearth backup: it has no " + BackupManifest.NAME
                    + " (it may have been cut short: the manifest is written last). Nothing was restored.");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BackupManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (BackupRefused refused) {
            throw new BackupRefused(file + " cannot be restored: " + refused.getMessage() + ". Nothing was restored.");
        }
    }

    private static void compare(ZipFile zip, Path file, String name, long lines, String sha256, String what)
            throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BackupRefused(file + " is not whole: " + what + " is missing. Nothing was restored.");
        }
        LineDigest found;
        try (InputStream in = zip.getInputStream(entry)) {
            found = LineDigest.of(in);
        }
        if (found.lines() != lines || !found.sha256().equals(sha256)) {
            throw new BackupRefused(file + " is damaged: " + what + " holds " + found.lines() + " rows where the"
                    + " manifest says " + lines + (found.lines() == lines ? ", and not the same ones" : "")
                    + " (its checksum differs). Nothing was restored.");
        }
    }

    /** No table, view or sequence in the connection's schema; otherwise the refusal says how to get an empty one. */
    static void requireEmpty(Connection connection, String url) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select c.relname from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                        + " and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') order by c.relkind <> 'r', c.relname")) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        if (!found.isEmpty()) {
            throw new BackupRefused("The database at " + url + " is not empty: it holds " + found.size()
                    + " tables, views or sequences (" + String.join(", ", found.subList(0, Math.min(5, found.size())))
                    + (found.size() > 5 ? ", ..." : "") + "). A restore goes only into an empty database, so that"
                    + " nothing there is overwritten or mixed with the backup. Nothing was restored. For the local"
                    + " stack: stop ./hearth run, move .hearth/postgres and .hearth/audit-anchor away (keep them"
                    + " until the restore is checked), and run ./hearth restore again: it starts an empty"
                    + " database. For another PostgreSQL: create a new database owned by the schema owner"
                    + " (createdb -O <owner> <name>) and point DB_URL at it.");
        }
    }

    private static void migrate(Target target, String role, String schemaVersion) {
        Flyway flyway = Flyway.configure(DatabaseRestore.class.getClassLoader())
                .dataSource(target.url(), target.owner(), target.password())
                .placeholders(Map.of("appRole", role))
                .locations("classpath:db/migration")
                .target(schemaVersion)
                .load();
        MigrationVersion wanted = MigrationVersion.fromVersion(schemaVersion);
        MigrationVersion newest = null;
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getVersion() != null
                    && (newest == null || migration.getVersion().compareTo(newest) > 0)) {
                newest = migration.getVersion();
            }
        }
        if (newest == null || wanted.compareTo(newest) > 0) {
            throw new BackupRefused("The backup's schema is version " + schemaVersion + ", this Hearth knows"
                    + " migrations up to " + newest + " only: restore it with the Hearth it was taken with, or a"
                    + " newer one. Nothing was restored.");
        }
        flyway.migrate();
    }

    private static List<Count> copyIn(Connection connection, ZipFile zip, BackupManifest manifest)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Map<String, String> foreignKeys = foreignKeys(connection);
            for (Map.Entry<String, String> key : foreignKeys.entrySet()) {
                String[] tableAndName = key.getKey().split("\\.", 2);
                statement.execute("alter table " + DatabaseBackup.quoted(tableAndName[0]) + " drop constraint \""
                        + tableAndName[1].replace("\"", "\"\"") + "\"");
            }
            List<String> present = DatabaseBackup.tables(connection);
            for (BackupManifest.Table table : manifest.tables()) {
                if (!present.contains(table.name())) {
                    throw new BackupRefused("the migrations up to version " + manifest.schemaVersion()
                            + " made no table " + table.name() + ", which the backup holds");
                }
                statement.execute("alter table " + DatabaseBackup.quoted(table.name()) + " disable trigger user");
                statement.execute("delete from " + DatabaseBackup.quoted(table.name()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : manifest.tables()) {
                try (InputStream rows = zip.getInputStream(zip.getEntry(table.entryName()))) {
                    copy.copyIn(
                            "copy " + DatabaseBackup.quoted(table.name()) + " ("
                                    + DatabaseBackup.quotedList(table.columns()) + ") from stdin",
                            rows);
                }
                statement.execute("alter table " + DatabaseBackup.quoted(table.name()) + " enable trigger user");
            }
            for (Map.Entry<String, String> key : foreignKeys.entrySet()) {
                String[] tableAndName = key.getKey().split("\\.", 2);
                statement.execute("alter table " + DatabaseBackup.quoted(tableAndName[0]) + " add constraint \""
                        + tableAndName[1].replace("\"", "\"\"") + "\" " + key.getValue());
            }
            try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
                for (BackupManifest.Sequence sequence : manifest.sequences()) {
                    setval.setString(1, DatabaseBackup.quoted(sequence.name()));
                    setval.setLong(2, sequence.lastValue());
                    setval.setBoolean(3, sequence.isCalled());
                    setval.execute();
                }
            }
            List<Count> counts = counts(connection, manifest);
            List<Count> different =
                    counts.stream().filter(c -> c.inBackup() != c.restored()).toList();
            if (!different.isEmpty()) {
                throw new BackupRefused("the restored rows do not match the backup: " + different);
            }
            connection.commit();
            return counts;
        } catch (SQLException | IOException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Every table's rows, counted in the database, beside the backup's number. */
    static List<Count> counts(Connection connection, BackupManifest manifest) throws SQLException {
        List<Count> counts = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (BackupManifest.Table table : manifest.tables()) {
                try (ResultSet count =
                        statement.executeQuery("select count(*) from " + DatabaseBackup.quoted(table.name()))) {
                    count.next();
                    counts.add(new Count(table.name(), table.rows(), count.getLong(1)));
                }
            }
        }
        return counts;
    }

    /** The schema's foreign keys, {@code table.constraint} to their definition, to drop and add again. */
    private static Map<String, String> foreignKeys(Connection connection) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select c.relname, k.conname, pg_get_constraintdef(k.oid)"
                        + " from pg_constraint k join pg_class c on c.oid = k.conrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where k.contype = 'f' and n.nspname = current_schema() order by c.relname, k.conname")) {
            while (rows.next()) {
                keys.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
            }
        }
        return keys;
    }

    /**
     * The backup's anchors become the anchor file; a file that was there (it witnessed another database) is kept
     * beside it, renamed with the time. Returns where it was kept.
     */
    private static Optional<Path> replaceAnchors(
            Path file, BackupManifest manifest, AuditAnchorFile anchorFile, Instant now) throws IOException {
        Path target = anchorFile.path();
        Optional<Path> keptAs = Optional.empty();
        if (Files.exists(target)) {
            Path aside = target.resolveSibling(target.getFileName() + ".before-restore-" + STAMP.format(now));
            Files.move(target, aside);
            keptAs = Optional.of(aside);
        }
        if (manifest.anchors().isPresent() && manifest.anchors().get().lines() > 0) {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            try (ZipFile zip = open(file);
                    InputStream anchors = zip.getInputStream(zip.getEntry(BackupManifest.ANCHORS))) {
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                Files.copy(anchors, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return keptAs;
    }
}
