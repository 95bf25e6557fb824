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
import javax.sql.DataSource;
import org.hearth.staff.Role;

/**
 * Checks the whole audit trail's hash chain against its head, for the administrators' audit page: the same
 * reading as {@code ./hearth verify-audit} ({@link VerifyAudit#verify}), on the application's datasource and
 * outside a transaction (the check reads in one transaction of its own). The check itself is audited.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditVerifier {

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @EJB
    private AuditTrail audit;

    /** What the check found, and when it ran. */
    public record Result(AuditChain.Verification verification, Instant checkedAt) {}

    public Result verify() {
        AuditChain.Verification verification;
        try (Connection connection = dataSource.getConnection()) {
            verification = VerifyAudit.verify(connection);
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
                        : verification.broken() + " at entry " + verification.atSeq()));
        return new Result(verification, Instant.now());
    }
}
