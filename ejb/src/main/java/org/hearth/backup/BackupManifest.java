package org.hearth.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a backup file holds, written into it as {@code manifest.txt}: when and from which schema version it was
 * taken, every table with its columns, its number of rows and the SHA-256 of its data, every sequence's value,
 * the audit chain's head in the snapshot, and the audit anchors it carries. Its last line is the SHA-256 of the
 * lines before it, so a manifest that was cut or changed is not believed.
 *
 * <p>One line per fact, words separated by one space; table, column and sequence names are plain lower-case
 * SQL names (the schema's are), which the restore quotes.
 */
public record BackupManifest(
        Instant createdAt,
        String postgresVersion,
        String schemaVersion,
        String applicationRole,
        long auditHeadSeq,
        String auditHeadHash,
        List<Table> tables,
        List<Sequence> sequences,
        Optional<Entry> anchors) {

    /** The first line: what the file is, and the version of its layout. */
    static final String FORMAT = "Hearth backup 1";

    static final String NAME = "manifest.txt";

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** A table's data, {@code COPY} text in {@code tables/<name>.copy}: one line per row. */
    public record Table(String name, long rows, String sha256, List<String> columns) {

        public Table {
            requireSqlName(name);
            columns.forEach(BackupManifest::requireSqlName);
            columns = List.copyOf(columns);
        }

        String entryName() {
            return "tables/" + name + ".copy";
        }
    }

    /** A sequence's value in the snapshot ({@code setval(name, lastValue, isCalled)} restores it). */
    public record Sequence(String name, long lastValue, boolean isCalled) {

        public Sequence {
            requireSqlName(name);
        }
    }

    /** Another file in the backup, with its number of lines and SHA-256. */
    public record Entry(String name, long lines, String sha256) {}

    /** The audit anchors the backup carries, in {@code audit-anchor}: the server's anchor file's lines. */
    static final String ANCHORS = "audit-anchor";

    public BackupManifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    static String requireSqlName(String name) {
        if (name == null || !SQL_NAME.matcher(name).matches()) {
            throw new BackupRefused("\"" + name + "\" is not a plain lower-case SQL name; Hearth's schema has only"
                    + " those, so this is not a database Hearth made");
        }
        return name;
    }

    /** The manifest as written into the file, its checksum line last. */
    String text() {
        StringBuilder text = new StringBuilder();
        text.append(FORMAT).append('\n');
        text.append("created-at ").append(createdAt).append('\n');
        text.append("postgresql ").append(postgresVersion.replace(' ', '_')).append('\n');
        text.append("schema-version ").append(schemaVersion).append('\n');
        text.append("application-role ").append(applicationRole).append('\n');
        text.append("audit-head ")
                .append(auditHeadSeq)
                .append(' ')
                .append(auditHeadHash)
                .append('\n');
        for (Table table : tables) {
            text.append("table ")
                    .append(table.name())
                    .append(' ')
                    .append(table.rows())
                    .append(' ')
                    .append(table.sha256())
                    .append(' ')
                    .append(String.join(",", table.columns()))
                    .append('\n');
        }
        for (Sequence sequence : sequences) {
            text.append("sequence ")
                    .append(sequence.name())
                    .append(' ')
                    .append(sequence.lastValue())
                    .append(' ')
                    .append(sequence.isCalled())
                    .append('\n');
        }
        anchors.ifPresent(a -> text.append("anchors ")
                .append(a.lines())
                .append(' ')
                .append(a.sha256())
                .append('\n'));
        String body = text.toString();
        return body + "manifest-sha256 " + sha256(body.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    /**
     * Reads a manifest written by {@link #text()}.
     *
     * @throws BackupRefused naming what is wrong, when it is not one, or was cut or changed
     */
    static BackupManifest parse(String text) {
        int checksumAt = text.lastIndexOf("manifest-sha256 ");
        if (!text.startsWith(FORMAT + "\n") || checksumAt < 0) {
            throw new BackupRefused(
                    "its manifest is not a Hearth backup manifest (\"" + FORMAT + "\" first, its" + " checksum last)");
        }
        String body = text.substring(0, checksumAt);
        String written =
                text.substring(checksumAt + "manifest-sha256 ".length()).strip();
        if (!written.equals(sha256(body.getBytes(StandardCharsets.UTF_8)))) {
            throw new BackupRefused("its manifest does not match its own checksum: it was changed or damaged");
        }
        Instant createdAt = null;
        String postgres = null;
        String schema = null;
        String role = null;
        long headSeq = -1;
        String headHash = null;
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Optional<Entry> anchors = Optional.empty();
        try {
            for (String line : body.substring(FORMAT.length() + 1).split("\n")) {
                String[] word = line.split(" ");
                switch (word[0]) {
                    case "created-at" -> createdAt = Instant.parse(word[1]);
                    case "postgresql" -> postgres = word[1];
                    case "schema-version" -> schema = word[1];
                    case "application-role" -> role = requireSqlName(word[1]);
                    case "audit-head" -> {
                        headSeq = Long.parseLong(word[1]);
                        headHash = word[2];
                    }
                    case "table" -> tables.add(new Table(
                            word[1],
                            Long.parseLong(word[2]),
                            word[3],
                            word.length > 4 ? List.of(word[4].split(",")) : List.of()));
                    case "sequence" -> sequences.add(
                            new Sequence(word[1], Long.parseLong(word[2]), Boolean.parseBoolean(word[3])));
                    case "anchors" -> anchors = Optional.of(new Entry(ANCHORS, Long.parseLong(word[1]), word[2]));
                    default -> throw new BackupRefused("its manifest has a line this Hearth does not know: " + line);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
            throw new BackupRefused("its manifest cannot be read: " + e.getMessage(), e);
        }
        if (createdAt == null || schema == null || role == null || headHash == null || tables.isEmpty()) {
            throw new BackupRefused("its manifest lacks the time, the schema version, the application role, the"
                    + " audit head or the tables");
        }
        return new BackupManifest(createdAt, postgres, schema, role, headSeq, headHash, tables, sequences, anchors);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
