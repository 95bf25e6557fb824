package org.hearth.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hearth.security.Role;
import org.hearth.time.ClinicTime;

/**
 * The audit trail, reviewed: filtered by user, family, action and days, newest first, one page at a time
 * from the database, and exported as CSV. Supervisors see the entries about their programs' families;
 * administrators see every entry but no clinical content (the reason a counselor gave to break the glass
 * is withheld). Each review and export is itself audited.
 */
@Stateless
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class AuditReview {

    /** Withheld from administrators: a counselor's words about a family in crisis. */
    static final String WITHHELD = "(reason withheld: clinical)";

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    /** One page of entries, newest first, and how many match in all. */
    public record Page(long total, List<AuditRow> rows) implements Serializable {}

    public Page search(@NotNull AuditQuery query, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        long total = count(where, parameters);
        var select = em.createQuery("select a from AuditEntry a" + where + " order by a.seq desc", AuditEntry.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 200)));
        parameters.forEach(select::setParameter);
        boolean redact = !context.isCallerInRole(Role.Names.SUPERVISOR);
        List<AuditRow> rows = select.getResultStream().map(e -> row(e, redact)).toList();
        audit.record(new AuditEvent(
                AuditAction.READ_AUDIT, "AuditEntry", null, query.familyId(), AuditOutcome.ALLOWED, query.describe()));
        return new Page(total, rows);
    }

    /**
     * How many entries the query matches, in the caller's scope, for a table's pager: a number, no entry, so
     * not itself audited (the page's rows are, by {@link #search}).
     */
    public long count(@NotNull AuditQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        return count(where(query, parameters), parameters);
    }

    private long count(String where, Map<String, Object> parameters) {
        Query count = em.createQuery("select count(a) from AuditEntry a" + where);
        parameters.forEach(count::setParameter);
        return (Long) count.getSingleResult();
    }

    /** Writes every matching entry as CSV to {@code out}, newest first, streamed. Returns how many. */
    public long export(@NotNull AuditQuery query, ZoneId zone, Writer out) throws IOException {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        var select = em.createQuery("select a from AuditEntry a" + where + " order by a.seq desc", AuditEntry.class)
                .setHint("org.hibernate.fetchSize", 500)
                .setHint("org.hibernate.readOnly", true);
        parameters.forEach(select::setParameter);
        boolean redact = !context.isCallerInRole(Role.Names.SUPERVISOR);
        long written;
        int[] read = {0};
        try (Stream<AuditEntry> entries = select.getResultStream()) {
            written = AuditCsv.write(
                    entries.map(e -> redact ? redacted(e) : e).peek(e -> {
                        if (++read[0] % 500 == 0) {
                            em.clear();
                        }
                    }),
                    zone,
                    out);
        }
        audit.record(new AuditEvent(
                AuditAction.EXPORT_AUDIT,
                "AuditEntry",
                null,
                query.familyId(),
                AuditOutcome.ALLOWED,
                written + " entries: " + query.describe()));
        return written;
    }

    private String where(AuditQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.username() != null && !query.username().isBlank()) {
            where.append(" and a.username = :username");
            parameters.put("username", query.username().strip());
        }
        if (query.familyId() != null) {
            where.append(" and a.familyId = :family");
            parameters.put("family", query.familyId());
        }
        if (query.action() != null) {
            where.append(" and a.action = :action");
            parameters.put("action", query.action());
        }
        ZoneId clinic = ClinicTime.zone();
        if (query.from() != null) {
            where.append(" and a.occurredAt >= :from");
            parameters.put("from", query.from().atStartOfDay(clinic).toInstant());
        }
        if (query.to() != null) {
            where.append(" and a.occurredAt < :to");
            parameters.put("to", query.to().plusDays(1).atStartOfDay(clinic).toInstant());
        }
        if (!context.isCallerInRole(Role.Names.ADMIN)) {
            // a supervisor: the entries about the families of the programs they supervise
            // the supervisor's staff record found by the token's subject where the request has one (a username
            // can be renamed), by the username only for a call that did not come through the web layer
            String subject = RequestOrigin.subjectInRequest().orElse(null);
            where.append(" and a.familyId in (select f.id from Family f where f.program in"
                    + " (select p from StaffMember s join s.programs p where "
                    + (subject != null ? "s.subject = :me))" : "s.username = :me))"));
            parameters.put(
                    "me",
                    subject != null ? subject : context.getCallerPrincipal().getName());
        }
        return where.toString();
    }

    private static AuditRow row(AuditEntry e, boolean redact) {
        return new AuditRow(
                e.getSeq(),
                e.getOccurredAt(),
                e.getUsername(),
                e.getRoles(),
                e.getAction(),
                e.getEntityType(),
                e.getEntityId(),
                e.getFamilyId(),
                e.getClientAddress(),
                e.getOutcome(),
                redact && e.getAction() == AuditAction.BREAK_THE_GLASS ? WITHHELD : e.getReason());
    }

    private static AuditEntry redacted(AuditEntry e) {
        if (e.getAction() != AuditAction.BREAK_THE_GLASS) {
            return e;
        }
        return new AuditEntry(
                e.getOccurredAt(),
                e.getUsername(),
                e.getRoles(),
                new AuditEvent(
                        e.getAction(), e.getEntityType(), e.getEntityId(), e.getFamilyId(), e.getOutcome(), WITHHELD),
                e.getClientAddress());
    }
}
