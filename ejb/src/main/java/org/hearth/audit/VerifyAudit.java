package org.hearth.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code ./hearth verify-audit}: checks the audit trail's hash chain straight in the database, without the
 * server - for an auditor, or a cron job that alerts when the exit status is not 0. Connects to {@code DB_URL}
 * as {@code DB_USER} / {@code DB_PASSWORD} (the local stack's by default), which only reads.
 */
public final class VerifyAudit {

    private VerifyAudit() {}

    /** The command line hands the environment and its two streams to {@link #run}, and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /**
     * Checks the chain of the database the environment names and says what it found on {@code out}: 0 when
     * intact, 1 when broken (naming the first broken entry), 2 with the reason on {@code err} when the
     * database cannot be read.
     */
    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = value(environment, "DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        try (Connection connection = DriverManager.getConnection(
                url, value(environment, "DB_USER", "hearth"), value(environment, "DB_PASSWORD", "hearth"))) {
            AuditChain.Verification found = verify(connection);
            out.println(report(found, url));
            return found.isIntact() ? 0 : 1;
        } catch (SQLException | IllegalStateException e) {
            err.println("Could not read the audit trail at " + url + " (is `./hearth run` running, or DB_URL set?): "
                    + e.getMessage());
            return 2;
        }
    }

    /** What the command says of a check of the database at {@code url}. */
    static String report(AuditChain.Verification found, String url) {
        if (found.isIntact()) {
            return "Audit trail intact: " + found.checked() + " entries checked (" + url + ").";
        }
        return "Audit trail BROKEN: " + found.broken() + " at entry " + found.atSeq()
                + (found.missing() > 0 ? " (" + found.missing() + " missing)" : "") + "; " + found.checked()
                + " entries before it are sound (" + url + ").";
    }

    /** Reads the head, then every entry up to it in order, streamed, and checks the chain. */
    public static AuditChain.Verification verify(Connection connection) throws SQLException {
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
                return AuditChain.verify(links(rows), last);
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
