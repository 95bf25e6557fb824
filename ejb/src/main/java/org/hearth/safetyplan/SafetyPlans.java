package org.hearth.safetyplan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.family.Intake;
import org.hearth.family.SafetyFlags;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * Families' written safety plans. The family's counselors write ("Save and sign": a new version signed by them)
 * and review them; they and the supervisors of the family's program read and print them; nobody else (front desk
 * never). Every change takes the plan's version as read (409 naming the "safety plan"), is checked field by field
 * before anything is saved, and is audited on the family, as is every read and print. The family's row is locked
 * while its plan changes, so two counselors saving at once are served one after the other.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class SafetyPlans {

    /** What the printed copy is: the PDF and a file name that says nothing of its content. */
    public record Printed(byte[] pdf, String fileName, String language) {}

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @EJB
    private SafetyFlags flags;

    @Inject
    private ClinicClock clock;

    /** The family's plan (or that none is written yet), for the family's clinical readers. Audited. */
    public SafetyPlanView read(long familyId) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        SafetyPlanView view = view(family);
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_SAFETY_PLAN, "SafetyPlan", view.number() == null ? null : familyId, familyId));
        return view;
    }

    /**
     * Saves a new version of the plan, signed by the calling counselor of the family: {@code version} is the plan's
     * version as read (null when no plan was written yet). Refused field by field when the content does not hold
     * (warning signs and members' parts required, members of this family, phone numbers, lengths, no word the
     * printed copy must not carry, a leaving-safely part only when the intake screened violence at home), and when
     * nothing changed (that is a review).
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public SafetyPlanView save(long familyId, SafetyPlanContent content, Long version) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        em.lock(family, LockModeType.PESSIMISTIC_WRITE);
        SafetyPlan plan = planOf(family);
        if (plan == null ? version != null : !Long.valueOf(plan.getVersion()).equals(version)) {
            throw Conflict.stale("safety plan");
        }
        if (content == null) {
            throw new Invalid(Invalid.Subject.SAFETY_PLAN, Invalid.Reason.plain("body", "safetyPlan.required"));
        }
        SafetyPlanContent cleaned = content.cleaned();
        List<Invalid.Reason> reasons = PlanChecks.check(cleaned, participating(family), leavingAllowed(family));
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.SAFETY_PLAN, reasons);
        }
        SafetyPlanVersion current = plan == null ? null : currentOf(plan);
        List<SafetyPlanContent.Section> changed = cleaned.changedSince(current == null ? null : current.content());
        if (current != null && changed.isEmpty()) {
            throw new Invalid(Invalid.Subject.SAFETY_PLAN, Invalid.Reason.plain("body", "safetyPlan.unchanged"));
        }
        Instant now = clock.now();
        if (plan == null) {
            plan = new SafetyPlan(family, now);
            em.persist(plan);
        }
        int number = plan.signed(now);
        var signer = access.caller().staffRecord();
        em.persist(new SafetyPlanVersion(
                plan, number, cleaned, changed, signer.getUsername(), signer.getDisplayName(), now));
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.SIGN_SAFETY_PLAN, "SafetyPlan", plan.getId(), familyId));
        return view(family);
    }

    /**
     * Records that the calling counselor of the family reviewed the plan with the family and changed nothing: no new
     * version; the next review falls due {@value ReviewDue#DAYS} days from now. {@code version} as read.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public SafetyPlanView review(long familyId, Long version) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        em.lock(family, LockModeType.PESSIMISTIC_WRITE);
        SafetyPlan plan = planOf(family);
        if (plan == null) {
            throw new Invalid(Invalid.Subject.SAFETY_PLAN, Invalid.Reason.plain("body", "safetyPlan.review.none"));
        }
        Conflict.requireVersion(version, plan.getVersion(), "safety plan");
        Instant now = clock.now();
        plan.reviewed(now);
        var reviewer = access.caller().staffRecord();
        em.persist(new SafetyPlanReview(plan, reviewer.getUsername(), reviewer.getDisplayName(), now));
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.REVIEW_SAFETY_PLAN, "SafetyPlan", plan.getId(), familyId));
        return view(family);
    }

    /** One version of the plan as it was signed, for the family's clinical readers. Audited. */
    public SafetyPlanView.VersionRead version(long familyId, int number) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        SafetyPlanVersion v = em.createQuery(
                        "select v from SafetyPlanVersion v where v.plan.family = :family and v.number = :number",
                        SafetyPlanVersion.class)
                .setParameter("family", family)
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("safety plan version", number));
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.READ_SAFETY_PLAN, "SafetyPlanVersion", v.getId(), familyId));
        return new SafetyPlanView.VersionRead(
                v.getNumber(), v.content(), v.getSignedByName(), v.getSignedAt(), v.changed());
    }

    /**
     * The current version printed for the family, in {@code language} ({@code en}, {@code es}; null: the family's
     * preferred language), for the family's clinical readers. Audited.
     */
    public Printed print(long familyId, String language) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        if (language != null && !language.equals("en") && !language.equals("es")) {
            throw new Invalid(
                    Invalid.Subject.SAFETY_PLAN, Invalid.Reason.plain("language", "safetyPlan.print.language"));
        }
        SafetyPlan plan = planOf(family);
        if (plan == null) {
            throw new Invalid(Invalid.Subject.SAFETY_PLAN, Invalid.Reason.plain("body", "safetyPlan.print.none"));
        }
        String lang = language != null ? language : languageOf(family);
        SafetyPlanVersion current = currentOf(plan);
        SafetyPlanContent c = current.content();
        java.util.Map<Long, String> names =
                family.getMembers().stream().collect(Collectors.toMap(FamilyMember::getId, FamilyMember::getFullName));
        SafetyPlanContent.LeavingSafely leaving =
                c.leaving() == null || c.leaving().leftOffPrint() || !leavingAllowed(family) ? null : c.leaving();
        PrintedPlan printed = new PrintedPlan(
                lang,
                current.getSignedAt().atZone(ClinicTime.zone()).toLocalDate(),
                c.warningSigns(),
                c.members().stream()
                        .map(m -> new PrintedPlan.Line(names.get(m.memberId()), m.part()))
                        .toList(),
                c.contacts(),
                ClinicPhones.office(),
                ClinicPhones.afterHours(),
                c.naloxoneWhere(),
                c.naloxoneTrained().stream()
                        .map(names::get)
                        .filter(n -> n != null)
                        .toList(),
                leaving);
        byte[] pdf = SafetyPlanPdf.render(printed);
        audit.record(AuditEvent.allowedOnFamily(AuditAction.PRINT_SAFETY_PLAN, "SafetyPlan", plan.getId(), familyId));
        return new Printed(pdf, "es".equals(lang) ? "nuestro-plan.pdf" : "our-plan.pdf", lang);
    }

    /**
     * Whether the family has a written plan signed by a counselor (every version is signed): what the CRAFT gate
     * reads before "allowing natural consequences". No access check: for a service that has checked its caller.
     */
    public boolean hasSignedPlan(Family family) {
        return !em.createQuery(
                        "select p.id from SafetyPlan p where p.family = :family and p.currentNumber > 0", Long.class)
                .setParameter("family", family)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private SafetyPlanView view(Family family) {
        SafetyPlan plan = planOf(family);
        boolean flagStands = flags.standsFor(family);
        LocalDate today = clock.today();
        List<SafetyPlanView.Person> members = family.getMembers().stream()
                .filter(FamilyMember::isParticipates)
                .map(m -> new SafetyPlanView.Person(m.getId(), m.getFullName()))
                .toList();
        boolean mayChange = access.mayWriteClinical(family);
        if (plan == null) {
            return new SafetyPlanView(
                    family.getId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ReviewDue.of(flagStands, null, today).orElse(null),
                    flagStands,
                    leavingAllowed(family),
                    languageOf(family),
                    members,
                    ClinicPhones.office(),
                    ClinicPhones.afterHours(),
                    List.of(),
                    List.of(),
                    mayChange,
                    null);
        }
        List<SafetyPlanVersion> versions = em.createQuery(
                        "select v from SafetyPlanVersion v where v.plan = :plan order by v.number desc",
                        SafetyPlanVersion.class)
                .setParameter("plan", plan)
                .getResultList();
        List<SafetyPlanView.ReviewLine> reviews = em.createQuery(
                        "select r from SafetyPlanReview r where r.plan = :plan order by r.reviewedAt desc, r.id desc",
                        SafetyPlanReview.class)
                .setParameter("plan", plan)
                .getResultStream()
                .map(r -> new SafetyPlanView.ReviewLine(r.getVersionNumber(), r.getReviewedByName(), r.getReviewedAt()))
                .toList();
        SafetyPlanVersion current = versions.get(0);
        SafetyPlanView.ReviewLine lastReview = reviews.isEmpty() ? null : reviews.get(0);
        return new SafetyPlanView(
                family.getId(),
                current.getNumber(),
                current.content(),
                current.getSignedByName(),
                current.getSignedAt(),
                lastReview == null ? null : lastReview.reviewedByName(),
                lastReview == null ? null : lastReview.reviewedAt(),
                ReviewDue.of(
                                flagStands,
                                plan.getCheckedAt().atZone(ClinicTime.zone()).toLocalDate(),
                                today)
                        .orElse(null),
                flagStands,
                leavingAllowed(family),
                languageOf(family),
                members,
                ClinicPhones.office(),
                ClinicPhones.afterHours(),
                versions.stream()
                        .map(v -> new SafetyPlanView.VersionLine(
                                v.getNumber(), v.getSignedByName(), v.getSignedAt(), v.changed()))
                        .toList(),
                reviews,
                mayChange,
                plan.getVersion());
    }

    private SafetyPlan planOf(Family family) {
        return em.createQuery("select p from SafetyPlan p where p.family = :family", SafetyPlan.class)
                .setParameter("family", family)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private SafetyPlanVersion currentOf(SafetyPlan plan) {
        return em.createQuery(
                        "select v from SafetyPlanVersion v where v.plan = :plan and v.number = :number",
                        SafetyPlanVersion.class)
                .setParameter("plan", plan)
                .setParameter("number", plan.getCurrentNumber())
                .getSingleResult();
    }

    private static Set<Long> participating(Family family) {
        return family.getMembers().stream()
                .filter(FamilyMember::isParticipates)
                .map(FamilyMember::getId)
                .collect(Collectors.toSet());
    }

    /** The intake's safety screen answered yes to violence or intimidation at home. */
    private boolean leavingAllowed(Family family) {
        Intake intake = em.find(Intake.class, family.getId());
        return intake != null
                && intake.getSafety() != null
                && Boolean.TRUE.equals(intake.getSafety().getDomesticViolence());
    }

    private static String languageOf(Family family) {
        return "es".equals(family.getPreferredLanguage()) ? "es" : "en";
    }
}
