package org.hearth.consent;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccess;
import org.hearth.family.FamilyMember;
import org.hearth.notes.NoteStatus;
import org.hearth.notes.SessionNote;
import org.hearth.schedule.Appointment;
import org.hearth.schedule.ClinicTime;
import org.hearth.security.AccessDeniedException;
import org.hearth.staff.Role;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * Part 2 consents and disclosures. The family's counselors record a member's consent from the signed form
 * and revoke it; they and the program's supervisors read the consents and the member's accounting of
 * disclosures, and export the member's record as far as an active consent allows - each export stamped with
 * the redisclosure notice and entered in the disclosure ledger with the hash of what was sent. Nobody else:
 * the front desk and administrators never; an emergency access reads the consents but does not disclose.
 * Everything is audited on the family.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class Consents {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** An export: its bytes, its media type and a file name. */
    public record Export(byte[] content, String mediaType, String fileName, long disclosureId) {}

    /** Records a member's consent: a counselor with the family on their caseload. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ConsentView record(long familyId, @NotNull(message = "{consent.required}") @Valid NewConsent terms) {
        FamilyAccess access = new FamilyAccess(em, context);
        Family family = access.family(familyId);
        if (!access.onMyCaseload(family)) {
            throw new AccessDeniedException("consents are recorded by the family's counselors", familyId);
        }
        FamilyMember member = em.find(FamilyMember.class, terms.memberId());
        List<ConsentRefusedException.Reason> reasons = new ArrayList<>();
        LocalDate today = today();
        if (member == null || !member.getFamily().getId().equals(familyId)) {
            reasons.add(new ConsentRefusedException.Reason("memberId", "consent.member.notOfFamily"));
        }
        if (terms.signedOn().isAfter(today)) {
            reasons.add(new ConsentRefusedException.Reason("signedOn", "consent.signedOn.future"));
        }
        if (terms.startsOn().isBefore(terms.signedOn())) {
            reasons.add(new ConsentRefusedException.Reason("startsOn", "consent.startsOn.beforeSigned"));
        }
        if (terms.expiresOn().isBefore(terms.startsOn())) {
            reasons.add(new ConsentRefusedException.Reason("expiresOn", "consent.expiresOn.beforeStart"));
        }
        if (terms.expiresOn().isBefore(today)) {
            reasons.add(new ConsentRefusedException.Reason("expiresOn", "consent.expiresOn.past"));
        }
        if (!reasons.isEmpty()) {
            throw new ConsentRefusedException(reasons);
        }
        Consent consent = new Consent(family, member, terms, callerName(), clock.now());
        em.persist(consent);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.RECORD_CONSENT, "Consent", consent.getId(), familyId));
        return ConsentView.of(consent, today);
    }

    /** Revokes a consent from a day on (today or earlier, not before it was signed); it stays in the history. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ConsentView revoke(long consentId, @NotNull(message = "{consent.revokedOn.required}") LocalDate revokedOn) {
        Consent consent = consent(consentId);
        FamilyAccess access = new FamilyAccess(em, context);
        if (!access.onMyCaseload(consent.getFamily())) {
            throw new AccessDeniedException(
                    "consents are revoked by the family's counselors",
                    consent.getFamily().getId());
        }
        if (consent.getRevokedOn() != null) {
            throw ConsentRefusedException.of("consentId", "consent.revoked.already");
        }
        if (revokedOn.isAfter(today()) || revokedOn.isBefore(consent.getSignedOn())) {
            throw ConsentRefusedException.of("revokedOn", "consent.revokedOn.range");
        }
        consent.revoke(revokedOn, callerName(), clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.REVOKE_CONSENT,
                "Consent",
                consentId,
                consent.getFamily().getId()));
        return ConsentView.of(consent, today());
    }

    /** The family's consents, active ones first, then newest: its counselors and program's supervisors. */
    public List<ConsentView> ofFamily(long familyId) {
        FamilyAccess access = new FamilyAccess(em, context);
        access.requireClinicalRead(access.family(familyId));
        LocalDate today = today();
        List<ConsentView> consents = em.createQuery(
                        "select c from Consent c join fetch c.member where c.family.id = :family order by c.id desc",
                        Consent.class)
                .setParameter("family", familyId)
                .getResultStream()
                .map(c -> ConsentView.of(c, today))
                .sorted(java.util.Comparator.comparing((ConsentView c) -> !c.active()))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_CONSENTS, "Family", familyId, familyId));
        return consents;
    }

    /**
     * A member's accounting of disclosures (42 CFR 2.24): every record sent out of the program under their
     * consents, newest first.
     */
    public List<DisclosureView> accountingOf(long memberId) {
        FamilyMember member = em.find(FamilyMember.class, memberId);
        if (member == null) {
            throw ConsentRefusedException.of("memberId", "consent.member.notOfFamily");
        }
        new FamilyAccess(em, context).requireClinicalRead(member.getFamily());
        List<DisclosureView> ledger = em.createQuery(
                        "select d from Disclosure d where d.memberId = :member order by d.disclosedAt desc, d.id desc",
                        Disclosure.class)
                .setParameter("member", memberId)
                .getResultStream()
                .map(d -> d.view(member.getFullName()))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_DISCLOSURES,
                "FamilyMember",
                memberId,
                member.getFamily().getId()));
        return ledger;
    }

    /**
     * Exports the member's record as far as the consent allows, as PDF or JSON: refused unless the consent is
     * in force today. The family's counselors (caseload) and its program's supervisors only. Entered in the
     * ledger with the SHA-256 of the bytes; audited.
     */
    public Export disclose(long consentId, @NotNull Disclosure.Format format) {
        Consent consent = consent(consentId);
        Family family = consent.getFamily();
        FamilyAccess access = new FamilyAccess(em, context);
        if (!access.onMyCaseload(family) && !access.supervisesProgramOf(family)) {
            // audited as every refusal is, by the service layer's denial auditor
            throw new AccessDeniedException(
                    "records are disclosed by the family's counselors and its program's supervisors", family.getId());
        }
        LocalDate today = today();
        if (!consent.isActiveOn(today)) {
            audit.record(new AuditEvent(
                    AuditAction.DISCLOSE_RECORD,
                    "Consent",
                    Long.toString(consentId),
                    family.getId(),
                    AuditOutcome.DENIED,
                    "no consent in force"));
            throw ConsentRefusedException.of(
                    "consentId",
                    consent.getRevokedOn() != null ? "consent.disclose.revoked" : "consent.disclose.notInForce");
        }
        Instant now = clock.now();
        String producedBy = new StaffMembers(em).caller(context).getDisplayName();
        DisclosureDocument document = document(consent, now, producedBy);
        byte[] content = format == Disclosure.Format.PDF
                ? DisclosurePdf.render(document, ClinicTime.zone())
                : DisclosureJson.render(document).getBytes(StandardCharsets.UTF_8);
        Disclosure entry = new Disclosure(consent, format, callerName(), now, sha256(content));
        em.persist(entry);
        em.flush();
        audit.record(new AuditEvent(
                AuditAction.DISCLOSE_RECORD,
                "Disclosure",
                entry.getId().toString(),
                family.getId(),
                AuditOutcome.ALLOWED,
                "consent " + consentId + ", " + consent.getScope() + " as " + format + " to "
                        + consent.getRecipientName()));
        String file = "disclosure-" + family.getCaseNumber() + "-" + entry.getId()
                + (format == Disclosure.Format.PDF ? ".pdf" : ".json");
        return new Export(
                content, format == Disclosure.Format.PDF ? "application/pdf" : "application/json", file, entry.getId());
    }

    /** The record as far as the consent allows, for its member only. */
    private DisclosureDocument document(Consent consent, Instant now, String producedBy) {
        FamilyMember member = consent.getMember();
        Family family = consent.getFamily();
        DisclosureScope scope = consent.getScope();
        ZoneId zone = ClinicTime.zone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<DisclosureDocument.Section> sections = new ArrayList<>();
        List<Appointment> sessions = em.createQuery(
                        "select a from Appointment a join a.members m where m = :member order by a.startsAt",
                        Appointment.class)
                .setParameter("member", member)
                .getResultList();
        if (scope.covers(DisclosureScope.ATTENDANCE)) {
            sections.add(new DisclosureDocument.Section(
                    "Family sessions",
                    sessions.stream()
                            .map(a -> when.format(a.getStartsAt()) + " - "
                                    + words(a.getKind().name()) + " - "
                                    + words(a.getStatus().name()))
                            .toList()));
            sections.add(new DisclosureDocument.Section(
                    "Support group meetings",
                    em.createQuery(
                                    "select s.startsAt, g.name, a.mark from Attendance a join a.session s join s.group g"
                                            + " where a.member = :member order by s.startsAt",
                                    Object[].class)
                            .setParameter("member", member)
                            .getResultStream()
                            .map(r ->
                                    when.format((Instant) r[0]) + " - " + r[1] + " - " + words(((Enum<?>) r[2]).name()))
                            .toList()));
        }
        if (scope.covers(DisclosureScope.SUMMARY)) {
            sections.add(new DisclosureDocument.Section(
                    "In the program",
                    List.of(
                            "Program: " + family.getProgram().getName(),
                            "Since: " + family.getOpenedOn(),
                            "Status: " + words(family.getStatus().name()),
                            "Counselor: "
                                    + (family.getPrimaryCounselor() == null
                                            ? "none assigned"
                                            : family.getPrimaryCounselor().getDisplayName()))));
            sections.add(new DisclosureDocument.Section(
                    "Readiness to change (rulers 0-10, from signed session notes)",
                    em.createQuery(
                                    "select a.startsAt, r.importance, r.confidence, r.readiness from SessionNote n"
                                            + " join n.appointment a join n.rulers r where r.memberId = :member"
                                            + " and n.status <> :draft order by a.startsAt",
                                    Object[].class)
                            .setParameter("member", member.getId())
                            .setParameter("draft", NoteStatus.DRAFT)
                            .getResultStream()
                            .map(r -> when.format((Instant) r[0]).substring(0, 10) + " - importance " + r[1]
                                    + ", confidence " + r[2] + ", readiness " + r[3])
                            .toList()));
        }
        if (scope.covers(DisclosureScope.FULL_RECORD)) {
            java.util.Set<Long> noted = sessions.isEmpty()
                    ? java.util.Set.of()
                    : java.util.Set.copyOf(em.createQuery(
                                    "select n.appointment.id from SessionNote n where n.appointment in :sessions"
                                            + " and n.status <> :draft",
                                    Long.class)
                            .setParameter("sessions", sessions)
                            .setParameter("draft", NoteStatus.DRAFT)
                            .getResultList());
            sections.add(new DisclosureDocument.Section(
                    "Sessions with their counselor and note",
                    sessions.stream()
                            .map(a -> when.format(a.getStartsAt()) + " - "
                                    + words(a.getKind().name()) + " with "
                                    + a.getCounselor().getDisplayName() + " - "
                                    + (noted.contains(a.getId()) ? "note signed" : "no signed note"))
                            .toList()));
        }
        if (scope == DisclosureScope.COUNSELING_NOTES) {
            List<String> notes = new ArrayList<>();
            em.createQuery(
                            "select n from SessionNote n where n.status <> :draft"
                                    + " and :member member of n.appointment.members order by n.appointment.startsAt",
                            SessionNote.class)
                    .setParameter("draft", NoteStatus.DRAFT)
                    .setParameter("member", member)
                    .getResultStream()
                    .forEach(n -> {
                        notes.add(when.format(n.getAppointment().getStartsAt()) + " - "
                                + words(n.getAppointment().getKind().name()) + ", note by "
                                + n.getAuthor().getDisplayName() + ", signed " + when.format(n.getSignedAt()));
                        var content = n.content();
                        notes.add("Data: " + plain(content.data()));
                        notes.add("Assessment: " + plain(content.assessment()));
                        notes.add("Plan: " + plain(content.plan()));
                    });
            sections.add(new DisclosureDocument.Section("SUD counseling notes (signed)", notes));
        }
        return new DisclosureDocument(
                family.getProgram().getName(),
                member.getFullName(),
                family.getCaseNumber().toString(),
                consent.getRecipientName()
                        + (consent.getRecipientOrganisation() == null ? "" : ", " + consent.getRecipientOrganisation()),
                consent.getPurpose(),
                consent.getId(),
                scope,
                "signed " + consent.getSignedOn() + ", in force " + consent.getStartsOn() + " to "
                        + consent.getExpiresOn(),
                now,
                producedBy,
                sections);
    }

    /** A note's rich text as plain text. */
    private static String plain(String html) {
        return html == null ? "" : org.jsoup.Jsoup.parse(html).text();
    }

    /** An enum name as words: FAMILY_THERAPY -> "family therapy". */
    private static String words(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Consent consent(long consentId) {
        Consent consent = em.find(Consent.class, consentId);
        if (consent == null) {
            throw new ConsentNotFoundException(consentId);
        }
        return consent;
    }

    private LocalDate today() {
        return clock.today();
    }

    private String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
