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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hearth.appointments.Appointment;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.notes.GroupNote;
import org.hearth.notes.GroupNotePrivacy;
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteStatus;
import org.hearth.notes.SessionNote;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

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

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** An export: its bytes, its media type and a file name. */
    public record Export(byte[] content, String mediaType, String fileName, long disclosureId) {}

    /** Records a member's consent: a counselor with the family on their caseload. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ConsentView record(long familyId, @NotNull(message = "{consent.required}") @Valid NewConsent terms) {
        Family family = access.family(familyId);
        if (!access.onCaseload(family)) {
            throw new Refused("consents are recorded by the family's counselors", familyId);
        }
        FamilyMember member = em.find(FamilyMember.class, terms.memberId());
        List<Invalid.Reason> reasons = new ArrayList<>();
        LocalDate today = today();
        if (member == null || !member.getFamily().getId().equals(familyId)) {
            reasons.add(Invalid.Reason.plain("memberId", "consent.member.notOfFamily"));
        }
        if (terms.signedOn().isAfter(today)) {
            reasons.add(Invalid.Reason.plain("signedOn", "consent.signedOn.future"));
        }
        if (terms.startsOn().isBefore(terms.signedOn())) {
            reasons.add(Invalid.Reason.plain("startsOn", "consent.startsOn.beforeSigned"));
        }
        if (terms.expiresOn().isBefore(terms.startsOn())) {
            reasons.add(Invalid.Reason.plain("expiresOn", "consent.expiresOn.beforeStart"));
        }
        if (terms.expiresOn().isBefore(today)) {
            reasons.add(Invalid.Reason.plain("expiresOn", "consent.expiresOn.past"));
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.CONSENT, reasons);
        }
        Consent consent = new Consent(family, member, terms, callerName(), clock.now());
        em.persist(consent);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.RECORD_CONSENT, "Consent", consent.getId(), familyId));
        return ConsentView.of(consent, today);
    }

    /**
     * Revokes a consent from a day on (today or earlier, not before it was signed); it stays in the history.
     * {@code version} is the consent's version the counselor read: a consent changed meanwhile (revoked by a
     * colleague) is a conflict naming the consent, and nothing is saved.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public ConsentView revoke(
            long consentId, @NotNull(message = "{consent.revokedOn.required}") LocalDate revokedOn, Long version) {
        Consent consent = consent(consentId);
        if (!access.onCaseload(consent.getFamily())) {
            throw new Refused(
                    "consents are revoked by the family's counselors",
                    consent.getFamily().getId());
        }
        Conflict.requireVersion(version, consent.getVersion(), "consent");
        if (consent.getRevokedOn() != null) {
            throw Invalid.consent("consentId", "consent.revoked.already");
        }
        if (revokedOn.isAfter(today()) || revokedOn.isBefore(consent.getSignedOn())) {
            throw Invalid.consent("revokedOn", "consent.revokedOn.range");
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
        access.requireClinicalRead(access.family(familyId));
        LocalDate today = today();
        List<ConsentView> consents = em.createQuery(
                        "select c from Consent c join fetch c.member where c.family.id = :family order by c.id desc",
                        Consent.class)
                .setParameter("family", familyId)
                .getResultStream()
                .map(c -> ConsentView.of(c, today))
                .sorted(Comparator.comparing((ConsentView c) -> !c.active()))
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
            throw new NotFound("family member", memberId);
        }
        access.requireClinicalRead(member.getFamily());
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
        if (!access.onCaseload(family) && !access.supervisesProgramOf(family)) {
            // audited as every refusal is, by the service layer's denial auditor
            throw new Refused(
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
            throw Invalid.consent(
                    "consentId",
                    consent.getRevokedOn() != null ? "consent.disclose.revoked" : "consent.disclose.notInForce");
        }
        Instant now = clock.now();
        String producedBy = access.caller().staffRecord().getDisplayName();
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

    /**
     * The record as far as the consent allows, for its member only: the family's record gathered here, and
     * {@link DisclosureContent} keeps what concerns the member, with every other member's name taken out.
     */
    private DisclosureDocument document(Consent consent, Instant now, String producedBy) {
        FamilyMember member = consent.getMember();
        Family family = consent.getFamily();
        DisclosureScope scope = consent.getScope();
        List<DisclosureContent.Member> members = em.createQuery(
                        "select m from FamilyMember m where m.family = :family order by m.position", FamilyMember.class)
                .setParameter("family", family)
                .getResultStream()
                .map(m -> new DisclosureContent.Member(m.getId(), m.getFullName()))
                .toList();
        Map<Long, SessionNote> notes = new HashMap<>();
        if (scope == DisclosureScope.COUNSELING_NOTES || scope.covers(DisclosureScope.FULL_RECORD)) {
            em.createQuery(
                            "select n.appointment.id, n from SessionNote n join fetch n.author"
                                    + " where n.family = :family and n.status <> :draft",
                            Object[].class)
                    .setParameter("family", family)
                    .setParameter("draft", NoteStatus.DRAFT)
                    .getResultStream()
                    .forEach(row -> notes.put((Long) row[0], (SessionNote) row[1]));
        }
        // who was booked for each session, read as rows: what the record holds, whatever the persistence context
        // already has of these sessions
        Map<Long, Set<Long>> booked = new HashMap<>();
        em.createQuery("select a.id, m.id from Appointment a join a.members m where a.family = :family", Object[].class)
                .setParameter("family", family)
                .getResultStream()
                .forEach(row -> booked.computeIfAbsent((Long) row[0], id -> new HashSet<>())
                        .add((Long) row[1]));
        List<DisclosureContent.FamilySession> sessions = em.createQuery(
                        "select a from Appointment a join fetch a.counselor where a.family = :family"
                                + " order by a.startsAt, a.id",
                        Appointment.class)
                .setParameter("family", family)
                .getResultStream()
                .filter(a -> booked.containsKey(a.getId()))
                .map(a -> new DisclosureContent.FamilySession(
                        a.getStartsAt(),
                        a.getKind().name(),
                        a.getStatus().name(),
                        a.getCounselor().getDisplayName(),
                        booked.get(a.getId()),
                        note(notes.get(a.getId()))))
                .toList();
        return DisclosureContent.document(
                new DisclosureContent.Facts(
                        family.getProgram().getName(),
                        family.getCaseNumber().toString(),
                        consent.getRecipientName()
                                + (consent.getRecipientOrganisation() == null
                                        ? ""
                                        : ", " + consent.getRecipientOrganisation()),
                        consent.getPurpose(),
                        consent.getId(),
                        scope,
                        "signed " + consent.getSignedOn() + ", in force " + consent.getStartsOn() + " to "
                                + consent.getExpiresOn(),
                        now,
                        producedBy,
                        List.of(
                                "Program: " + family.getProgram().getName(),
                                "Since: " + family.getOpenedOn(),
                                "Status: "
                                        + family.getStatus()
                                                .name()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', ' '),
                                "Counselor: "
                                        + (family.getPrimaryCounselor() == null
                                                ? "none assigned"
                                                : family.getPrimaryCounselor().getDisplayName()))),
                new DisclosureContent.Member(member.getId(), member.getFullName()),
                family.getId(),
                members,
                sessions,
                meetings(member, scope == DisclosureScope.COUNSELING_NOTES),
                readiness(member),
                ClinicTime.zone());
    }

    private static DisclosureContent.Note note(SessionNote note) {
        if (note == null) {
            return null;
        }
        NoteContent content = note.content();
        return new DisclosureContent.Note(
                note.getAuthor().getDisplayName(),
                note.getSignedAt(),
                content.data(),
                content.assessment(),
                content.plan());
    }

    /** The group meetings the member was marked for, each with its signed note when asked and the member has a section. */
    private List<DisclosureContent.GroupMeeting> meetings(FamilyMember member, boolean withNotes) {
        Map<Long, GroupNote> notes = new HashMap<>();
        Map<Long, GroupNotePrivacy.Participant> people = new HashMap<>();
        if (withNotes) {
            em.createQuery(
                            "select distinct n from GroupNote n join n.sections s join fetch n.author"
                                    + " where s.memberId = :member and n.status <> :draft",
                            GroupNote.class)
                    .setParameter("member", member.getId())
                    .setParameter("draft", NoteStatus.DRAFT)
                    .getResultStream()
                    .forEach(n -> notes.put(n.getSession().getId(), n));
            List<Long> ids = notes.values().stream()
                    .flatMap(n -> n.sections().stream())
                    .map(GroupNotePrivacy.Section::memberId)
                    .distinct()
                    .toList();
            if (!ids.isEmpty()) {
                em.createQuery(
                                "select m.id, m.family.id, m.fullName from FamilyMember m where m.id in :ids",
                                Object[].class)
                        .setParameter("ids", ids)
                        .getResultStream()
                        .forEach(r -> people.put(
                                (Long) r[0],
                                new GroupNotePrivacy.Participant((Long) r[0], (Long) r[1], (String) r[2])));
            }
        }
        return em.createQuery(
                        "select s.id, s.startsAt, g.name, a.mark from Attendance a join a.session s join s.group g"
                                + " where a.member = :member order by s.startsAt",
                        Object[].class)
                .setParameter("member", member)
                .getResultStream()
                .map(r -> {
                    GroupNote note = notes.get((Long) r[0]);
                    return new DisclosureContent.GroupMeeting(
                            (Instant) r[1],
                            (String) r[2],
                            ((Enum<?>) r[3]).name(),
                            note == null
                                    ? null
                                    : new DisclosureContent.GroupMeetingNote(
                                            note.getAuthor().getDisplayName(),
                                            note.getSignedAt(),
                                            note.getBody(),
                                            note.sections().stream()
                                                    .filter(s -> s.memberId() == member.getId())
                                                    .map(GroupNotePrivacy.Section::text)
                                                    .findFirst()
                                                    .orElse(null),
                                            note.sections().stream()
                                                    .map(s -> people.get(s.memberId()))
                                                    .filter(Objects::nonNull)
                                                    .toList()));
                })
                .toList();
    }

    /** The member's readiness rulers from signed session notes. */
    private List<DisclosureContent.Readiness> readiness(FamilyMember member) {
        return em.createQuery(
                        "select a.startsAt, r.importance, r.confidence, r.readiness from SessionNote n"
                                + " join n.appointment a join n.rulers r where r.memberId = :member"
                                + " and n.status <> :draft order by a.startsAt",
                        Object[].class)
                .setParameter("member", member.getId())
                .setParameter("draft", NoteStatus.DRAFT)
                .getResultStream()
                .map(r -> new DisclosureContent.Readiness(
                        (Instant) r[0], member.getId(), (Integer) r[1], (Integer) r[2], (Integer) r[3]))
                .toList();
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
            throw new NotFound("consent", consentId);
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
