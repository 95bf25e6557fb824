package org.hearth.messages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.access.AccessRules;
import org.hearth.access.Caller;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.security.Invalid;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * The outbox's state for the front desk: what is pending, sent, failed or withdrawn, message by message and counted
 * for today. Never a text (the outbox holds none). Who sees which messages is the schedule's rule (DESIGN.md
 * section 4): the front desk every family's, as they see every session; a supervisor their programs' families
 * ({@link AccessRules} program rule); a counselor their caseload today ({@link AccessRules} caseload rule); a person
 * with several roles the union. Administrators never. Every read is audited.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class OutboxOverview {

    /** Messages per page. */
    public static final int PAGE_SIZE = 50;

    /** The longest range of days one listing covers. */
    public static final int LONGEST_RANGE_DAYS = 92;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /**
     * One page (from 0) of the messages the caller sees, due from the clinic's day {@code from} to {@code to}
     * (inclusive; default: today to a week ahead), optionally of one status, the soonest due first. The range is
     * at most 92 days and {@code to} not before {@code from}.
     */
    public OutboxPage page(MessageStatus status, LocalDate from, LocalDate to, int page) {
        LocalDate first = from == null ? clock.today() : from;
        LocalDate last = to == null ? first.plusDays(7) : to;
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (last.isBefore(first)) {
            reasons.add(Invalid.Reason.plain("to", "outbox.range.order"));
        } else if (last.isAfter(first.plusDays(LONGEST_RANGE_DAYS - 1))) {
            reasons.add(Invalid.Reason.of("to", "outbox.range.length", String.valueOf(LONGEST_RANGE_DAYS)));
        }
        if (page < 0 || page > 100_000) {
            reasons.add(Invalid.Reason.plain("page", "outbox.page"));
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.REQUEST, reasons);
        }
        Visible visible = visible();
        StringBuilder where = new StringBuilder(" where m.dueAt >= :start and m.dueAt < :end").append(visible.where);
        if (status != null) {
            where.append(" and m.status = :status");
        }
        Map<String, Object> parameters = new HashMap<>(visible.parameters);
        parameters.put("start", startOf(first));
        parameters.put("end", startOf(last.plusDays(1)));
        if (status != null) {
            parameters.put("status", status);
        }
        TypedQuery<Object[]> rows = em.createQuery(
                "select m, f.caseNumber from OutboxMessage m join Family f on f.id = m.familyId" + where
                        + " order by m.dueAt, m.id",
                Object[].class);
        TypedQuery<Long> total = em.createQuery(
                "select count(m) from OutboxMessage m join Family f on f.id = m.familyId" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            total.setParameter(name, value);
        });
        List<OutboxEntry> entries =
                rows.setFirstResult(page * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList().stream()
                        .map(row -> entry((OutboxMessage) row[0], (String) row[1]))
                        .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_OUTBOX,
                "OutboxMessage",
                entries.stream().map(OutboxEntry::id).toList()));
        return new OutboxPage(entries, total.getSingleResult(), page, PAGE_SIZE);
    }

    /** The outbox counted for the clinic's today, over the messages the caller sees. */
    public OutboxSummary summary() {
        Visible visible = visible();
        LocalDate today = clock.today();
        Instant start = startOf(today);
        Instant end = startOf(today.plusDays(1));
        TypedQuery<Object[]> query = em.createQuery(
                        "select"
                                + " sum(case when m.status = org.hearth.messages.MessageStatus.PENDING then 1 else 0 end),"
                                + " sum(case when m.status = org.hearth.messages.MessageStatus.PENDING and m.attempts > 0"
                                + " then 1 else 0 end),"
                                + " sum(case when m.status = org.hearth.messages.MessageStatus.SENT and m.sentAt >= :start"
                                + " and m.sentAt < :end then 1 else 0 end),"
                                + " sum(case when m.status = org.hearth.messages.MessageStatus.FAILED and m.closedAt"
                                + " >= :start and m.closedAt < :end then 1 else 0 end),"
                                + " sum(case when m.status = org.hearth.messages.MessageStatus.WITHDRAWN and m.closedAt"
                                + " >= :start and m.closedAt < :end then 1 else 0 end)"
                                + " from OutboxMessage m join Family f on f.id = m.familyId"
                                + " where (m.status = org.hearth.messages.MessageStatus.PENDING"
                                + " or m.sentAt >= :start or m.closedAt >= :start)"
                                + visible.where,
                        Object[].class)
                .setParameter("start", start)
                .setParameter("end", end);
        visible.parameters.forEach(query::setParameter);
        Object[] counts = query.getSingleResult();
        audit.record(AuditEvent.allowed(AuditAction.READ_OUTBOX, "OutboxSummary", today));
        return new OutboxSummary(
                today, count(counts[0]), count(counts[1]), count(counts[2]), count(counts[3]), count(counts[4]));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.zone()).toInstant();
    }

    /** The families whose messages the caller sees: a JPQL condition on {@code f}, and its parameters. */
    private record Visible(String where, Map<String, Object> parameters) {}

    private Visible visible() {
        Caller me = access.caller();
        if (me.hasRole(Role.Names.FRONT_DESK)) {
            return new Visible("", Map.of());
        }
        List<String> rules = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (me.hasRole(Role.Names.SUPERVISOR) && !me.programIds().isEmpty()) {
            rules.add(AccessRules.Jpql.inPrograms("f", ":programs"));
            parameters.put("programs", me.programIds());
        }
        if (me.hasRole(Role.Names.COUNSELOR) && me.staffId().isPresent()) {
            rules.add(AccessRules.Jpql.onCaseload("f", ":counselor", ":today"));
            parameters.put("counselor", me.staffId().get());
            parameters.put("today", me.today());
        }
        if (rules.isEmpty()) {
            return new Visible(" and 1 = 0", Map.of());
        }
        return new Visible(" and (" + String.join(" or ", rules) + ")", parameters);
    }

    private static OutboxEntry entry(OutboxMessage m, String caseNumber) {
        return new OutboxEntry(
                m.getId(),
                m.getKind(),
                m.getStatus(),
                m.getMember().getId(),
                m.getFamilyId(),
                caseNumber,
                m.getAboutAt(),
                m.getDueAt(),
                m.getAttempts(),
                m.getStatus() == MessageStatus.PENDING ? m.getNextAttemptAt() : null,
                m.getSentAt(),
                m.getLastFailure(),
                m.getClosedAt(),
                m.getClosedReason());
    }
}
