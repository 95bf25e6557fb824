package org.hearth.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hearth.persistence.DatabaseUnavailable;
import org.hearth.time.ClinicClock;

/**
 * Writes the audit chain's head to this node's anchor file ({@link AuditAnchorFile}) every minute, and when
 * asked (before each check of the trail), when it has moved on. In a cluster every node runs its own timer
 * (not persistent, so not shared through the database) and keeps its own file: each is a witness of the same
 * chain. A head found before the last anchor is reported in the server log, once per head: someone cut the
 * chain's end, and the check will name what.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditAnchoring {

    private static final Logger LOG = Logger.getLogger(AuditAnchoring.class.getName());

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private Optional<AuditAnchorFile> anchorFile = Optional.empty();

    /** The last head found before the last anchor, so that it is reported once, not every minute. */
    private AuditChain.Head reportedBehind;

    @PostConstruct
    void findTheFile() {
        anchorFile = AuditAnchorFile.configured(System.getenv());
        if (anchorFile.isEmpty()) {
            LOG.warning("The audit chain is not anchored: set " + AuditAnchorFile.VARIABLE
                    + " to a file on this host; without it, entries cut off the chain's end are not detected.");
        } else {
            LOG.info("The audit chain's head is anchored in " + anchorFile.get().path());
        }
    }

    /** The file this node anchors to, if any. */
    public Optional<AuditAnchorFile> anchorFile() {
        return anchorFile;
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "anchor the audit chain's head")
    void everyMinute() {
        try {
            anchorNow();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                // the database restarting: the next minute's anchor covers this one's entries
                LOG.warning("The audit chain's head could not be anchored this minute: the database is out of reach ("
                        + e.getMessage() + ")");
                return;
            }
            LOG.log(Level.SEVERE, "The audit chain's head could not be anchored: " + e.getMessage(), e);
        }
    }

    /**
     * Appends the chain's head to the anchor file when it has moved on since the last anchor; returns the
     * anchor written, if any.
     */
    public Optional<AuditAnchorFile.Anchor> anchorNow() {
        if (anchorFile.isEmpty()) {
            return Optional.empty();
        }
        AuditAnchorFile file = anchorFile.get();
        try {
            AuditChain.Head head = head();
            Optional<AuditAnchorFile.Anchor> written =
                    file.append(head, ClinicClock.current().now());
            if (written.isEmpty()) {
                warnWhenBehind(file, head);
            }
            return written;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the audit anchor file " + file.path() + " could not be written: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit chain's head could not be read: " + e.getMessage(), e);
        }
    }

    private void warnWhenBehind(AuditAnchorFile file, AuditChain.Head head) throws IOException {
        Optional<AuditAnchorFile.Anchor> last = file.last();
        boolean behind = last.isPresent()
                && (head.lastSeq() < last.get().seq()
                        || head.lastSeq() == last.get().seq()
                                && !head.lastHash().equals(last.get().hash()));
        if (behind && !head.equals(reportedBehind)) {
            reportedBehind = head;
            LOG.severe("The audit chain's head (entry " + head.lastSeq() + ") does not reach or match entry "
                    + last.get().seq() + ", anchored at " + last.get().anchoredAt() + " in " + file.path()
                    + ": its end was cut or rewritten. Check the audit trail.");
        }
    }

    private AuditChain.Head head() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
            if (!row.next()) {
                throw new IllegalStateException("the audit chain has no head row");
            }
            return new AuditChain.Head(row.getLong(1), row.getString(2));
        }
    }
}
