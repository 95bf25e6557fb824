package org.hearth.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.audit.AuditAnchorFile;
import org.hearth.audit.AuditChain;

/**
 * {@code ./hearth backup [FILE]} and {@code ./hearth restore FILE}, from a shell, without the server. They connect
 * to {@code DB_URL} (the local stack's database by default) as the schema owner, {@code DB_MIGRATION_USER} /
 * {@code DB_MIGRATION_PASSWORD} (the role the server migrates as), and use the audit anchor file {@code
 * HEARTH_AUDIT_ANCHOR_FILE} (the {@code hearth} script names the local stack's). A restore grants rows to the
 * application's role {@code DB_USER}, by default the one the backup names.
 *
 * <p>Exit status: 0 done (a restore: and the audit chain verifies against the anchors); 1 refused or failed,
 * with the reason on the error stream; 2 a usage error; 3 restored, but with no anchor to compare the chain with.
 */
public final class BackupCommand {

    static final String USAGE = "usage: ./hearth backup [FILE] | ./hearth restore FILE";

    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupCommand() {}

    public static void main(String[] args) {
        // the migrations a restore runs would log each step at INFO; their warnings are enough here
        String flywayLog = "org.slf4j.simpleLogger.log.org.flywaydb";
        if (System.getProperty(flywayLog) == null) {
            System.setProperty(flywayLog, "warn");
        }
        System.exit(run(List.of(args), System.getenv(), Instant.now(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, Instant now, PrintStream out, PrintStream err) {
        String url = value(environment, "DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        String owner = value(environment, "DB_MIGRATION_USER", "hearth_owner");
        String password = value(environment, "DB_MIGRATION_PASSWORD", "hearth_owner");
        Optional<AuditAnchorFile> anchorFile = Optional.ofNullable(environment.get(AuditAnchorFile.VARIABLE))
                .filter(named -> !named.isBlank())
                .map(named -> new AuditAnchorFile(Path.of(named.strip())));
        try {
            if (args.size() <= 2 && !args.isEmpty() && args.get(0).equals("backup")) {
                Path file = args.size() == 2
                        ? Path.of(args.get(1))
                        : Path.of("backups", "hearth-backup-" + FILE_STAMP.format(now) + ".zip");
                return backup(file, url, owner, password, anchorFile, now, out);
            }
            if (args.size() == 2 && args.get(0).equals("restore")) {
                Optional<String> role =
                        Optional.ofNullable(environment.get("DB_USER")).filter(r -> !r.isBlank());
                return restore(
                        Path.of(args.get(1)),
                        new DatabaseRestore.Target(url, owner, password),
                        role,
                        anchorFile,
                        now,
                        out);
            }
            err.println(USAGE);
            return 2;
        } catch (BackupRefused refused) {
            err.println(refused.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println("Could not work with the database at " + url + " (is `./hearth run` running, or DB_URL"
                    + " set?): " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not read or write the file: " + e.getMessage());
            return 1;
        }
    }

    private static int backup(
            Path file,
            String url,
            String owner,
            String password,
            Optional<AuditAnchorFile> anchorFile,
            Instant now,
            PrintStream out)
            throws SQLException, IOException {
        DatabaseBackup.Written written;
        try (Connection connection = DriverManager.getConnection(url, owner, password)) {
            written = DatabaseBackup.write(connection, file, anchorFile, now);
        }
        BackupManifest manifest = written.manifest();
        out.println("Backed up " + url + " (schema version " + manifest.schemaVersion() + ", PostgreSQL "
                + manifest.postgresVersion() + ") in one snapshot to " + file.toAbsolutePath());
        out.println(String.format("  %-36s %10s", "table", "rows"));
        for (BackupManifest.Table table : manifest.tables()) {
            out.println(String.format("  %-36s %10d", table.name(), table.rows()));
        }
        out.println("  audit trail: " + describe(written.audit()) + "; "
                + manifest.anchors().map(a -> a.lines() + " anchors carried").orElse("no anchor file named"));
        return 0;
    }

    private static int restore(
            Path file,
            DatabaseRestore.Target target,
            Optional<String> role,
            Optional<AuditAnchorFile> anchorFile,
            Instant now,
            PrintStream out)
            throws SQLException, IOException {
        DatabaseRestore.Restored restored = DatabaseRestore.restore(file, target, role, anchorFile, now);
        BackupManifest manifest = restored.manifest();
        out.println("Restored " + file.toAbsolutePath() + " (taken " + manifest.createdAt() + ", schema version "
                + manifest.schemaVersion() + ") into " + target.url());
        out.println(String.format("  %-36s %10s %10s", "table", "in backup", "restored"));
        for (DatabaseRestore.Count count : restored.counts()) {
            out.println(String.format("  %-36s %10d %10d", count.table(), count.inBackup(), count.restored()));
        }
        restored.anchorFileKeptAs()
                .ifPresent(kept ->
                        out.println("  The anchor file that was there witnessed another database: kept as " + kept));
        anchorFile.ifPresentOrElse(
                f -> out.println("  Audit anchors: "
                        + manifest.anchors().map(a -> a.lines()).orElse(0L) + " from the backup written to "
                        + f.path()),
                () -> out.println("  Audit anchors: no HEARTH_AUDIT_ANCHOR_FILE named; the backup's are in its"
                        + " entry " + BackupManifest.ANCHORS + " (unzip -p FILE " + BackupManifest.ANCHORS
                        + " > the server's anchor file)"));
        out.println("  Audit trail: " + describe(restored.audit()));
        if (!restored.audit().isIntact()) {
            return 1;
        }
        return restored.audit().checked() > 0 && restored.audit().anchor() == null ? 3 : 0;
    }

    private static String describe(AuditChain.Verification audit) {
        if (!audit.isIntact()) {
            return "BROKEN (" + audit.broken() + " at entry " + audit.atSeq() + "; " + audit.checked()
                    + " entries before it are sound)";
        }
        return "intact, " + audit.checked() + " entries"
                + (audit.anchor() != null
                        ? ", entry " + audit.anchor().seq() + " as anchored at "
                                + audit.anchor().anchoredAt()
                        : audit.checked() > 0 ? ", not compared with an anchor" : "");
    }

    private static String value(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
