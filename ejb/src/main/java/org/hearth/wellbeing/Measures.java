package org.hearth.wellbeing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.family.FamilyStatus;
import org.hearth.family.Intake;
import org.hearth.family.SafetyFlags;
import org.hearth.family.SafetyScreen;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * The family members' PHQ-9 and GAD-7 measures. The family's counselors record them (with the member, or by
 * handing the clinic's tablet to the member); they and the supervisors of the family's program read them; the
 * front desk and everyone else are refused. Scores and bands are computed here from the answers, never taken from
 * the caller. A PHQ-9 item 9 answer above 0 raises the family's safety flag in the same transaction. Every read and
 * every change is audited on the family.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class Measures {

    /** Family statuses in which measures fall due (not on hold, not closed). */
    static final List<FamilyStatus> MEASURED = List.of(FamilyStatus.INTAKE, FamilyStatus.ACTIVE);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private SafetyFlags safetyFlags;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** The family's measures, oldest first (the trend reads left to right): its clinical readers. Audited. */
    public List<MeasureView> forFamily(long familyId) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        List<MeasureView> all = em.createQuery(
                        "select m from Measure m join fetch m.member where m.family = :family"
                                + " order by m.takenOn, m.member.position,"
                                + " case when m.instrument = org.hearth.wellbeing.Instrument.PHQ9 then 0 else 1 end, m.id",
                        Measure.class)
                .setParameter("family", family)
                .getResultStream()
                .map(MeasureView::of)
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_MEASURES, "Family", familyId, familyId));
        return all;
    }

    /** One measure: its family's clinical readers; an id of no measure is answered as one not theirs. Audited. */
    public MeasureView read(long measureId) {
        Measure measure = em.find(Measure.class, measureId);
        if (measure == null) {
            throw new NotFound("measure", measureId);
        }
        access.requireClinicalRead(measure.getFamily());
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_MEASURE,
                "Measure",
                measureId,
                measure.getFamily().getId()));
        return MeasureView.of(measure);
    }

    /**
     * Saves a member's questionnaire: only a counselor with the family on their caseload, for a participating
     * member of this family (a member of another family is answered as a record not theirs). Every answer is
     * required and 0-3, the day is not in the future, not before the family was registered, and not before the
     * member's last measure of the instrument (the first one is the intake measure); one of each instrument per
     * member and day. Nothing is saved when any of that fails; each reason names its field. A PHQ-9 item 9 answer
     * above 0 raises the safety flag ({@link SafetyFlags#raise}) in this transaction.
     */
    public RecordedMeasure record(long familyId, NewMeasure input) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        if (input == null) {
            throw new Invalid(Invalid.Subject.WELLBEING_MEASURE, Invalid.Reason.plain("body", "measure.required"));
        }
        if (!MEASURED.contains(family.getStatus())) {
            throw new Conflict(
                    Conflict.Subject.LOCKED,
                    "the family is "
                            + family.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + ": no measure is taken");
        }
        List<Invalid.Reason> reasons = new ArrayList<>();
        FamilyMember member = null;
        if (input.memberId() == null) {
            reasons.add(Invalid.Reason.plain("memberId", "measure.member.required"));
        } else {
            member = em.find(FamilyMember.class, input.memberId(), LockModeType.PESSIMISTIC_WRITE);
            if (member == null || !member.getFamily().getId().equals(family.getId())) {
                throw new NotFound("member", input.memberId());
            }
            if (!member.isParticipates()) {
                reasons.add(Invalid.Reason.plain("memberId", "measure.member.notParticipating"));
            }
        }
        LocalDate today = clock.today();
        LocalDate takenOn = input.takenOn() == null ? today : input.takenOn();
        if (takenOn.isAfter(today)) {
            reasons.add(Invalid.Reason.plain("takenOn", "measure.takenOn.future"));
        } else if (takenOn.isBefore(family.getOpenedOn())) {
            reasons.add(Invalid.Reason.of(
                    "takenOn",
                    "measure.takenOn.beforeOpened",
                    family.getOpenedOn().toString()));
        }
        if (input.instrument() == null) {
            reasons.add(Invalid.Reason.plain("instrument", "measure.instrument.required"));
        } else {
            reasons.addAll(Scoring.problems(input.instrument(), input.answers(), input.difficulty()));
        }
        LocalDate last = null;
        if (member != null && input.instrument() != null) {
            last = em.createQuery(
                            "select max(m.takenOn) from Measure m where m.member = :member and m.instrument = :instrument",
                            LocalDate.class)
                    .setParameter("member", member)
                    .setParameter("instrument", input.instrument())
                    .getSingleResult();
            if (last != null && last.equals(takenOn)) {
                reasons.add(Invalid.Reason.plain("takenOn", "measure.takenOn.already"));
            } else if (last != null && takenOn.isBefore(last)) {
                reasons.add(Invalid.Reason.of("takenOn", "measure.takenOn.beforeLast", last.toString()));
            }
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.WELLBEING_MEASURE, reasons);
        }
        Measure measure = new Measure(
                member,
                input.instrument(),
                takenOn,
                input.answers(),
                input.difficulty(),
                last == null ? Occasion.INTAKE : Occasion.FOLLOW_UP,
                input.takenBy() == null ? TakenBy.WITH_COUNSELOR : input.takenBy(),
                access.caller().username(),
                clock.now());
        em.persist(measure);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.RECORD_MEASURE, "Measure", measure.getId(), familyId));
        if (measure.isSelfHarm()) {
            safetyFlags.raise(familyId, SafetyScreen.FlagReason.MEMBER_SELF_HARM, "PHQ-9 of " + takenOn);
        }
        return new RecordedMeasure(MeasureView.of(measure), measure.isSelfHarm());
    }

    /**
     * Saves the questionnaires a member answered together (the tablet's PHQ-9 and GAD-7) as {@link #record} does
     * each, all or none: when one is refused, nothing is saved.
     */
    public List<RecordedMeasure> recordTogether(long familyId, List<NewMeasure> inputs) {
        List<RecordedMeasure> recorded = new ArrayList<>();
        for (NewMeasure input : inputs) {
            recorded.add(record(familyId, input));
        }
        return recorded;
    }

    /**
     * Each participating member's next measure of each instrument ({@link DueRule}), members in the family's order:
     * the family's clinical readers; none while the family is on hold or closed. Audited.
     */
    public List<DueMeasure> due(long familyId) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_MEASURES_DUE, "Family", familyId, familyId));
        if (!MEASURED.contains(family.getStatus())) {
            return List.of();
        }
        Intake intake = em.find(Intake.class, familyId);
        LocalDate start = DueRule.familyStart(
                intake == null || intake.getCompletedAt() == null ? null : dayOf(intake.getCompletedAt()),
                family.getOpenedOn());
        Map<Long, Map<Instrument, LocalDate>> last = new HashMap<>();
        em.createQuery(
                        "select m.member.id, m.instrument, max(m.takenOn) from Measure m where m.family = :family"
                                + " group by m.member.id, m.instrument",
                        Object[].class)
                .setParameter("family", family)
                .getResultList()
                .forEach(r -> last.computeIfAbsent((Long) r[0], k -> new EnumMap<>(Instrument.class))
                        .put((Instrument) r[1], (LocalDate) r[2]));
        LocalDate today = clock.today();
        List<DueMeasure> due = new ArrayList<>();
        for (FamilyMember member : family.getMembers()) {
            if (!member.isParticipates()) {
                continue;
            }
            Map<Instrument, LocalDate> own = last.getOrDefault(member.getId(), Map.of());
            for (Instrument instrument : Instrument.values()) {
                due.add(DueMeasure.of(
                        member.getId(),
                        DueMeasure.firstNameOf(member.getFullName()),
                        instrument,
                        start,
                        own.get(instrument),
                        today));
            }
        }
        return due;
    }

    /**
     * The member the counselor hands the clinic's tablet to, as the tablet page may show them (first name and
     * language only): a counselor with the family on their caseload, a participating member of this family.
     * Audited, so the trail shows who handed the tablet to whom.
     */
    public TabletMember handTablet(long familyId, long memberId) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        FamilyMember member = em.find(FamilyMember.class, memberId);
        if (member == null || !member.getFamily().getId().equals(family.getId())) {
            throw new NotFound("member", memberId);
        }
        if (!member.isParticipates()) {
            throw new Invalid(
                    Invalid.Subject.WELLBEING_MEASURE,
                    Invalid.Reason.plain("memberId", "measure.member.notParticipating"));
        }
        audit.record(AuditEvent.allowedOnFamily(AuditAction.HAND_TABLET, "FamilyMember", memberId, familyId));
        return new TabletMember(
                familyId,
                memberId,
                DueMeasure.firstNameOf(member.getFullName()),
                tabletLanguage(member.getPreferredLanguage(), family.getPreferredLanguage()));
    }

    /** The language of the tablet's questions: the member's, else the family's; English unless it is Spanish. */
    static String tabletLanguage(String memberLanguage, String familyLanguage) {
        String language = memberLanguage != null && !memberLanguage.isBlank() ? memberLanguage : familyLanguage;
        return "es".equalsIgnoreCase(language == null ? "" : language.trim()) ? "es" : "en";
    }

    /** When this instant falls in the clinic's days. */
    static LocalDate dayOf(Instant instant) {
        return instant.atZone(ClinicTime.zone()).toLocalDate();
    }
}
