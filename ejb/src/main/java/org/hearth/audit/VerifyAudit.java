package org.hearth.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./hearth verify-audit}: checks the audit trail's hash chain straight in the database, without the
 * server - for an auditor, or a cron job that alerts when the exit status is not 0. Connects to {@code DB_URL}
 * as {@code DB_USER} / {@code DB_PASSWORD} (the local stack's by default), which only reads, and compares the
 * chain with the anchor file {@code HEARTH_AUDIT_ANCHOR_FILE} the server keeps ({@link AuditAnchorFile}; the
 * {@code hearth} script names the local stack's when neither that nor {@code DB_URL} is set).
 */
public final class VerifyAudit {

    private VerifyAudit() {}

    /** The command line hands the environment and its two streams to {@link #run}, and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /**
     * Checks the chain of the database the environment names against the anchor file it names and says what it
     * found on {@code out}: 0 when intact, 1 when broken (naming the first broken entry), 2 with the reason on
     * {@code err} when the database or the anchor file cannot be read, 3 when the chain is intact in itself but
     * there was no anchor to compare it with (a cut at its end would not have been seen).
     */
    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = value(environment, "DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        String named = environment.get(AuditAnchorFile.VARIABLE);
        Optional<AuditAnchorFile> anchorFile = named == null || named.isBlank()
                ? Optional.empty()
                : Optional.of(new AuditAnchorFile(Path.of(named.strip())));
        try (Connection connection = DriverManager.getConnection(
                url, value(environment, "DB_USER", "hearth"), value(environment, "DB_PASSWORD", "hearth"))) {
            AuditChain.Verification found = verify(connection, anchorFile);
            out.println(report(found, url, anchorFile));
            if (!found.isIntact()) {
                return 1;
            }
            return unanchored(found) ? 3 : 0;
        } catch (AuditAnchorFile.Unreadable e) {
            err.println("Could not read the audit anchor file: " + e.getMessage());
            return 2;
        } catch (SQLException | IllegalStateException e) {
            err.println("Could not read the audit trail at " + url + " (is `./hearth run` running, or DB_URL set?): "
                    + e.getMessage());
            return 2;
        }
    }

    /** A chain with entries, intact in itself, that no anchor vouches for. */
    static boolean unanchored(AuditChain.Verification found) {
        return found.isIntact() && found.checked() > 0 && found.anchor() == null;
    }

    /** What the command says of a check of the database at {@code url} against the anchor file, if one is named. */
    static String report(AuditChain.Verification found, String url, Optional<AuditAnchorFile> anchorFile) {
        AuditAnchorFile.Anchor anchor = found.anchor();
        String where = anchorFile.map(f -> f.path().toString()).orElse("");
        if (found.isIntact()) {
            String intact = "Audit trail intact: " + found.checked() + " entries checked (" + url + ")";
            if (anchor != null) {
                return intact + "; the chain still holds entry " + anchor.seq() + " as anchored at "
                        + anchor.anchoredAt() + " (" + where + ").";
            }
            if (found.checked() == 0) {
                return intact + ".";
            }
            return intact + ".\nWARNING: not compared with an anchor, so entries cut off the end together with the"
                    + " chain's head would not be seen: "
                    + (anchorFile.isEmpty()
                            ? AuditAnchorFile.VARIABLE + " is not set (the server's anchor file, by default"
                                    + " hearth/audit-anchor in its data folder)."
                            : anchorFile.get().exists()
                                    ? where + " holds no anchor yet (the server writes one a minute when the trail"
                                            + " has grown)."
                                    : "there is no anchor file at " + where + ".");
        }
        if (found.broken() == AuditChain.Break.BEHIND_ANCHOR) {
            return "Audit trail BROKEN: the chain ends at entry " + found.checked() + " but entry " + anchor.seq()
                    + " was anchored at " + anchor.anchoredAt() + " (" + where + "): at least " + found.missing()
                    + " entries were cut off the end (" + url + ").";
        }
        if (found.broken() == AuditChain.Break.ANCHOR_MISMATCH) {
            return "Audit trail BROKEN: entry " + anchor.seq() + " is not the entry anchored at "
                    + anchor.anchoredAt() + " (" + where + "): the chain was rewritten from there on; "
                    + found.checked() + " entries before it are sound (" + url + ").";
        }
        return "Audit trail BROKEN: " + found.broken() + " at entry " + found.atSeq()
                + (found.missing() > 0 ? " (" + found.missing() + " missing)" : "") + "; " + found.checked()
                + " entries before it are sound (" + url + ").";
    }

    /** Reads the head, then every entry up to it in order, streamed, and checks the chain in itself. */
    public static AuditChain.Verification verify(Connection connection) throws SQLException {
        return verify(connection, Optional.empty());
    }

    /**
     * As {@link #verify(Connection)}, and against the anchors of the file when there is one (a missing file is
     * no anchor: the result then names none, see {@link AuditChain.Verification#anchor()}).
     *
     * @throws AuditAnchorFile.Unreadable when the file is there but cannot be read as anchors
     */
    public static AuditChain.Verification verify(Connection connection, Optional<AuditAnchorFile> anchorFile)
            throws SQLException {
        Optional<AuditAnchorFile> present = anchorFile.filter(AuditAnchorFile::exists);
        try (Stream<AuditAnchorFile.Anchor> anchors =
                present.isPresent() ? present.get().anchors() : Stream.empty()) {
            return verify(connection, anchors.iterator());
        } catch (IOException | UncheckedIOException e) {
            throw new AuditAnchorFile.Unreadable(
                    "the audit anchor file "
                            + present.map(AuditAnchorFile::path).orElse(null) + " could not be read: " + e.getMessage(),
                    e);
        }
    }

    /**
     * As {@link #verify(Connection)}, against the given anchors (rising): a backup checks the chain of its snapshot
     * against the anchors it carries. Ends the connection's transaction (a rollback), so call it last in one.
     */
    public static AuditChain.Verification verify(Connection connection, Iterator<AuditAnchorFile.Anchor> anchors)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement head = connection.createStatement();
                ResultSet headRow = head.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1");
                PreparedStatement entries = connection.prepareStatement(
                        "select seq, occurred_at, username, roles, action, entity_type, entity_id, family_id,"
                                + " client_address, outcome, reason, prev_hash, hash from audit_entry"
                                + " where seq <= ? order by seq")) {
            headRow.next();
            AuditChain.Head last = new AuditChain.Head(headRow.getLong(1), headRow.getString(2));
            entries.setLong(1, last.lastSeq());
            entries.setFetchSize(1000);
            try (ResultSet rows = entries.executeQuery()) {
                return AuditChain.verify(links(rows), last, anchors);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Iterator<AuditChain.Link> links(ResultSet rows) {
        return new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    try {
                        ahead = rows.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException("reading the audit trail failed: " + e.getMessage(), e);
                    }
                }
                return ahead;
            }

            @Override
            public AuditChain.Link next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    long family = rows.getLong(8);
                    Long familyId = rows.wasNull() ? null : family;
                    return new AuditChain.Link(
                            rows.getLong(1),
                            rows.getTimestamp(2).toInstant(),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            familyId,
                            rows.getString(9),
                            rows.getString(10),
                            rows.getString(11),
                            rows.getString(12),
                            rows.getString(13));
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the audit trail failed: " + e.getMessage(), e);
                }
            }
        };
    }

    private static String value(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
