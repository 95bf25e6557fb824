package org.hearth.family;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * The clinical intake of a family: recorded by a counselor with the family on their caseload, as a draft
 * as often as needed, then completed once; read by the supervisors of the family's program. Never open
 * to the front desk. Every read, save and refusal is audited.
 */
@Stateless
public class Intakes {

    @Inject
    Event<IntakeCompleted> completions;

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

    /** The family's intake (empty if not begun): its counselors on their caseload, its program's supervisors. */
    @RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public IntakeView read(long familyId) {
        Family family = access.family(familyId);
        access.requireClinicalRead(family);
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_INTAKE, "Intake", familyId, familyId));
        return viewOf(family, em.find(Intake.class, familyId));
    }

    /**
     * Saves the intake as a draft (beginning it if needed). Only what is typed must be valid. Refused for
     * a completed intake or a closed family; saving over someone else's newer draft is a conflict
     * ({@link Conflict}): nothing is saved and the counselor keeps what they typed.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public IntakeView saveDraft(long familyId, @NotNull @Valid IntakeForm form) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        family.requireOpen();
        Intake intake = em.find(Intake.class, familyId);
        Instant now = clock.now();
        if (intake == null) {
            if (form.getVersion() != null) {
                throw new Conflict(Conflict.Subject.STALE, "the intake was removed meanwhile");
            }
            intake = new Intake(family, access.caller().username(), now);
            em.persist(intake);
        } else if (form.getVersion() == null || form.getVersion() != intake.getVersion()) {
            throw Conflict.stale("intake");
        }
        intake.saveDraft(form, memberIdsOf(family), access.caller().username(), now);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.SAVE_INTAKE, "Intake", familyId, familyId));
        return viewOf(family, intake);
    }

    /**
     * Completes the saved intake when nothing is missing ({@link Invalid} names what is):
     * the family becomes ACTIVE, the intake is stamped with who and when and becomes read-only, and each
     * loved one not in treatment gets an engagement episode in status REFUSING.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public IntakeView complete(long familyId, Long version) {
        Family family = access.family(familyId);
        access.requireClinicalWrite(family);
        family.requireOpen();
        Intake intake = em.find(Intake.class, familyId);
        if (intake == null) {
            throw new Invalid(
                    Invalid.Subject.INTAKE,
                    IntakeForm.Missing.reasons(new IntakeForm().missingForCompletion(participantIdsOf(family))));
        }
        if (intake.isCompleted()) {
            throw new Conflict(Conflict.Subject.LOCKED, "the intake is already completed");
        }
        Conflict.requireVersion(version, intake.getVersion(), "intake");
        List<IntakeForm.Missing> missing = intake.toForm().missingForCompletion(participantIdsOf(family));
        if (!missing.isEmpty()) {
            throw new Invalid(Invalid.Subject.INTAKE, IntakeForm.Missing.reasons(missing));
        }
        Instant now = clock.now();
        intake.complete(access.caller().username(), now);
        family.intakeCompleted(clock.today());
        completions.fire(new IntakeCompleted(family, intake, access.caller().username(), now));
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.COMPLETE_INTAKE, "Intake", familyId, familyId));
        return viewOf(family, intake);
    }

    private static List<Long> memberIdsOf(Family family) {
        return family.getMembers().stream().map(FamilyMember::getId).toList();
    }

    private static List<Long> participantIdsOf(Family family) {
        return family.getMembers().stream()
                .filter(FamilyMember::isParticipates)
                .map(FamilyMember::getId)
                .toList();
    }

    private static IntakeView viewOf(Family family, Intake intake) {
        List<IntakeView.Participant> participants = family.getMembers().stream()
                .filter(FamilyMember::isParticipates)
                .map(m -> new IntakeView.Participant(m.getId(), m.getFullName(), m.getRelationship()))
                .toList();
        if (intake == null) {
            return new IntakeView(
                    family.getId(),
                    family.getCaseNumber().toString(),
                    family.getName(),
                    IntakeState.NOT_STARTED,
                    new IntakeForm(),
                    participants,
                    false,
                    List.of(),
                    false,
                    null,
                    null,
                    null,
                    null);
        }
        SafetyScreen safety = intake.getSafety();
        return new IntakeView(
                family.getId(),
                family.getCaseNumber().toString(),
                family.getName(),
                intake.isCompleted() ? IntakeState.COMPLETED : IntakeState.DRAFT,
                intake.toForm(),
                participants,
                intake.isSafetyFlag(),
                safety.getFlagReasons(),
                intake.isOfferNaloxone(),
                intake.getUpdatedBy(),
                intake.getUpdatedAt(),
                intake.getCompletedBy(),
                intake.getCompletedAt());
    }
}
