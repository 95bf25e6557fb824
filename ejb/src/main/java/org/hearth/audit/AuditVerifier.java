package org.hearth.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Checks the whole audit trail's hash chain against its head and this node's anchor file, for the
 * administrators' audit page: the same reading as {@code ./hearth verify-audit} ({@link VerifyAudit#verify}), on
 * the application's datasource and outside a transaction (the check reads in one transaction of its own). The
 * head is anchored first, so the check vouches for the chain as it is now. The check itself is audited.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditVerifier {

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @EJB
    private AuditTrail audit;

    @EJB
    private AuditAnchoring anchoring;

    /**
     * What the check found, when it ran, and the anchor file it compared the chain with (null when the server
     * has none). When the verification names no anchor, the chain's end was not vouched for.
     */
    public record Result(AuditChain.Verification verification, Instant checkedAt, String anchorFile) {

        /** Intact in itself, but with entries no anchor vouches for: a cut at its end would not show. */
        public boolean isUnanchored() {
            return VerifyAudit.unanchored(verification);
        }
    }

    public Result verify() {
        AuditChain.Verification verification;
        Optional<AuditAnchorFile> anchorFile = anchoring.anchorFile();
        try (Connection connection = dataSource.getConnection()) {
            anchoring.anchorNow();
            verification = VerifyAudit.verify(connection, anchorFile);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read: " + e.getMessage(), e);
        }
        audit.record(new AuditEvent(
                AuditAction.VERIFY_AUDIT_CHAIN,
                "AuditEntry",
                null,
                null,
                AuditOutcome.ALLOWED,
                verification.isIntact()
                        ? "intact: " + verification.checked() + " entries"
                                + (VerifyAudit.unanchored(verification) ? ", not anchored" : "")
                        : verification.broken() + " at entry " + verification.atSeq()));
        return new Result(
                verification,
                ClinicClock.current().now(),
                anchorFile.map(f -> f.path().toString()).orElse(null));
    }
}
