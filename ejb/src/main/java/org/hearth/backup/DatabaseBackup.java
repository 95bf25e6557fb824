package org.hearth.backup;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hearth.audit.AuditAnchorFile;
import org.hearth.audit.AuditChain;
import org.hearth.audit.VerifyAudit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup of a Hearth database: one zip file holding, per table, its rows as PostgreSQL's {@code COPY} text,
 * the {@link BackupManifest}, and the audit anchors that witness the chain it holds. Every table is read in ONE
 * read-only, repeatable-read transaction, so the file is one moment of the database - a note signed while the
 * backup runs is in it with its audit entry, or neither is - while the server keeps working (a snapshot takes
 * no lock that writers wait for).
 *
 * <p>Logical, over JDBC, rather than {@code pg_dump} or a copy of the data directory: the embedded PostgreSQL has
 * no {@code pg_dump}, another machine's {@code pg_dump} refuses a newer server, and a logical copy restores into
 * any PostgreSQL Hearth runs on. The schema is not copied: a restore builds it with the migrations up to the
 * backup's schema version, which is the schema the rows were written for.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {}

    /** What was written: the manifest, and the check of the audit chain in the snapshot against its anchors. */
    public record Written(Path file, BackupManifest manifest, AuditChain.Verification audit) {}

    /**
     * Backs the database up into {@code file}, which must not exist yet; the audit anchors of {@code anchorFile}
     * that the snapshot's chain has reached go into it too. The file appears only once whole (it is written
     * beside, then moved). The connection is left in auto-commit.
     *
     * @throws BackupRefused when the file exists, or the database is not a Hearth database
     */
    public static Written write(Connection connection, Path file, Optional<AuditAnchorFile> anchorFile, Instant now)
            throws SQLException, IOException {
        if (Files.exists(file)) {
            throw new BackupRefused(file + " exists already: name a new file, a backup never overwrites one");
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve(file.getFileName() + ".part");
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (FileOutputStream bytes = new FileOutputStream(partial.toFile());
                ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            String schemaVersion = schemaVersion(connection);
            AuditChain.Head head = auditHead(connection);
            List<BackupManifest.Table> tables = new ArrayList<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables(connection)) {
                List<String> columns = columns(connection, table);
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                LineDigest data = new LineDigest(zip);
                long rows = copy.copyOut("copy " + quoted(table) + " (" + quotedList(columns) + ") to stdout", data);
                data.flush();
                zip.closeEntry();
                if (rows != data.lines()) {
                    throw new IllegalStateException(
                            table + ": " + rows + " rows but " + data.lines() + " lines of COPY text");
                }
                tables.add(new BackupManifest.Table(table, rows, data.sha256(), columns));
            }
            List<BackupManifest.Sequence> sequences = sequences(connection);
            List<AuditAnchorFile.Anchor> anchors = anchorsReached(anchorFile, head);
            Optional<BackupManifest.Entry> anchorEntry = Optional.empty();
            if (anchorFile.isPresent()) {
                zip.putNextEntry(new ZipEntry(BackupManifest.ANCHORS));
                LineDigest lines = new LineDigest(zip);
                for (AuditAnchorFile.Anchor anchor : anchors) {
                    lines.write((anchor.seq() + " " + anchor.hash() + " " + anchor.anchoredAt() + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                lines.flush();
                zip.closeEntry();
                anchorEntry =
                        Optional.of(new BackupManifest.Entry(BackupManifest.ANCHORS, lines.lines(), lines.sha256()));
            }
            BackupManifest manifest = new BackupManifest(
                    now,
                    serverVersion(connection),
                    schemaVersion,
                    applicationRole(connection),
                    head.lastSeq(),
                    head.lastHash(),
                    tables,
                    sequences,
                    anchorEntry);
            // last in the snapshot: it ends the transaction
            AuditChain.Verification audit = VerifyAudit.verify(connection, anchors.iterator());
            zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
            zip.write(manifest.text().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            bytes.flush();
            bytes.getFD().sync();
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Written(file, manifest, audit);
        } catch (SQLException | IOException | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        } finally {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    /** The ordinary tables of the schema the connection works in, by name. */
    static List<String> tables(Connection connection) throws SQLException {
        return names(
                connection,
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = current_schema() and c.relkind = 'r' order by c.relname");
    }

    /** The columns a {@code COPY} can write back: not dropped, not generated; in their order. */
    static List<String> columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = current_schema() and c.relname = ? and a.attnum > 0"
                        + " and not a.attisdropped and a.attgenerated = '' order by a.attnum")) {
            query.setString(1, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            return columns;
        }
    }

    private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String name : names(
                connection,
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = current_schema() and c.relkind = 'S' order by c.relname")) {
            try (Statement statement = connection.createStatement();
                    ResultSet value = statement.executeQuery("select last_value, is_called from " + quoted(name))) {
                value.next();
                sequences.add(new BackupManifest.Sequence(name, value.getLong(1), value.getBoolean(2)));
            }
        }
        return sequences;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("select version from flyway_schema_history"
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            if (!version.next()) {
                throw new BackupRefused("the database has no migrated schema: nothing to back up");
            }
            return version.getString(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new BackupRefused(
                        "the database has no Flyway schema history: it is not a Hearth database" + " (or is empty)");
            }
            throw e;
        }
    }

    private static AuditChain.Head auditHead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet head =
                        statement.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
            head.next();
            return new AuditChain.Head(head.getLong(1), head.getString(2));
        }
    }

    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("show server_version")) {
            version.next();
            return version.getString(1);
        }
    }

    /**
     * The role the application runs as: the one the migrations granted rows of the audit trail to, other than the
     * tables' owner; the restore grants to it again.
     */
    private static String applicationRole(Connection connection) throws SQLException {
        List<String> roles = names(
                connection,
                "select grantee from information_schema.table_privileges where table_schema = current_schema()"
                        + " and table_name = 'audit_entry' and privilege_type = 'INSERT' and grantee <>"
                        + " (select tableowner from pg_tables where schemaname = current_schema()"
                        + " and tablename = 'audit_entry') order by grantee");
        if (roles.isEmpty()) {
            return names(connection, "select current_user").get(0);
        }
        return roles.get(0);
    }

    /** The anchors the snapshot's chain has reached: a later one, written while we read, witnesses a later chain. */
    private static List<AuditAnchorFile.Anchor> anchorsReached(
            Optional<AuditAnchorFile> anchorFile, AuditChain.Head head) throws IOException {
        if (anchorFile.isEmpty() || !anchorFile.get().exists()) {
            return List.of();
        }
        try (Stream<AuditAnchorFile.Anchor> anchors = anchorFile.get().anchors()) {
            return anchors.filter(a -> a.seq() <= head.lastSeq()).toList();
        }
    }

    private static List<String> names(Connection connection, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static String quoted(String name) {
        return "\"" + BackupManifest.requireSqlName(name) + "\"";
    }

    static String quotedList(List<String> names) {
        return names.stream().map(DatabaseBackup::quoted).collect(Collectors.joining(", "));
    }
}
