package org.hearth.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;
import org.hearth.staff.Role;

/**
 * Checks the whole audit trail's hash chain against its head ({@link AuditChain}): for the administrators'
 * audit page and the {@code verify-audit} REST call. Streams the entries in the order of their numbers, so a
 * trail of millions is read once without holding it. The check itself is audited.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class AuditVerifier {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    /** What the check found, and when it ran. */
    public record Result(AuditChain.Verification verification, Instant checkedAt) {}

    public Result verify() {
        Object[] head = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_chain_head where id = 1")
                .getSingleResult();
        AuditChain.Verification verification;
        try (Stream<Object[]> rows = em.createQuery(
                        "select a.seq, a.occurredAt, a.username, a.roles, a.action, a.entityType, a.entityId,"
                                + " a.familyId, a.clientAddress, a.outcome, a.reason, a.prevHash, a.hash"
                                + " from AuditEntry a where a.seq <= :last order by a.seq",
                        Object[].class)
                .setParameter("last", ((Number) head[0]).longValue())
                .setHint("org.hibernate.fetchSize", 1000)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            Iterator<AuditChain.Link> links = rows.map(AuditVerifier::link).iterator();
            verification =
                    AuditChain.verify(links, new AuditChain.Head(((Number) head[0]).longValue(), (String) head[1]));
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

    private static AuditChain.Link link(Object[] r) {
        return new AuditChain.Link(
                (Long) r[0],
                (Instant) r[1],
                (String) r[2],
                (String) r[3],
                ((AuditAction) r[4]).name(),
                (String) r[5],
                (String) r[6],
                (Long) r[7],
                (String) r[8],
                ((AuditOutcome) r[9]).name(),
                (String) r[10],
                (String) r[11],
                (String) r[12]);
    }
}
