package org.hearth.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hearth.launcher.EmbeddedDatabase;

/**
 * One real PostgreSQL 17 for the audit tests of a run, started on first use on a free port with a clean data
 * directory and migrated as the schema owner, as the server migrates it: the chain, its head and its triggers are
 * the migrations' own. The application writes entries as its role; the tests play the database's owner too.
 */
final class AuditDatabase {

    private static EmbeddedDatabase database;

    private AuditDatabase() {}

    static synchronized EmbeddedDatabase started() {
        if (database == null) {
            database = EmbeddedDatabase.start(Path.of("target", "audit-postgres"), 0, true);
            Flyway.configure(AuditDatabase.class.getClassLoader())
                    .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                    .placeholders(Map.of("appRole", database.user()))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        return database;
    }

    /** A connection as the application's role, which may only add entries. */
    static Connection application() throws SQLException {
        EmbeddedDatabase db = started();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** A connection as the role that owns the tables and their triggers. */
    static Connection owner() throws SQLException {
        EmbeddedDatabase db = started();
        return DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
    }

    /** Entries written as the application writes them: the database numbers and chains them. */
    static void write(int entries, String username) throws SQLException {
        try (Connection c = application();
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

    /** The chain's head, as the server's anchoring reads it. */
    static AuditChain.Head head() throws SQLException {
        try (Connection c = application();
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
            row.next();
            return new AuditChain.Head(row.getLong(1), row.getString(2));
        }
    }

    /**
     * What an owner who wants the last {@code entries} gone does: the triggers switched off, the entries deleted,
     * the head rewritten to name the entry now last, the triggers back on - the chain then checks out in itself.
     */
    static long cutTheEndAndRewriteTheHead(int entries) throws SQLException {
        try (Connection c = owner();
                Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger user");
            s.execute("alter table audit_chain_head disable trigger user");
            try {
                s.execute("delete from audit_entry where seq > (select last_seq from audit_chain_head) - " + entries);
                s.execute("update audit_chain_head h set last_seq = e.seq, last_hash = e.hash"
                        + " from (select seq, hash from audit_entry order by seq desc limit 1) e");
            } finally {
                s.execute("alter table audit_entry enable trigger user");
                s.execute("alter table audit_chain_head enable trigger user");
            }
        }
        return head().lastSeq();
    }
}
