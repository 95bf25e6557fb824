package org.hearth.family;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * One family's record: reading it, keeping its demographics and contacts up to date, closing it and
 * reopening it. Who may do what is decided by {@link FamilyAccessPolicy}; every read and change is audited.
 */
@Stateless
public class FamilyRecords {

    @Inject
    LovedOneEpisodes lovedOneEpisodes;

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

    /**
     * The family's record: with its clinical summary for its counselors (caseload) and its program's
     * supervisors; contact details only for the front desk; refused (and audited) to anyone else.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public FamilyRecord open(long familyId) {
        Family family = access.family(familyId);
        access.requireContactAccess(family);
        boolean clinical = access.mayReadClinical(family);
        audit.record(new AuditEvent(
                AuditAction.READ_FAMILY,
                "Family",
                String.valueOf(familyId),
                familyId,
                AuditOutcome.ALLOWED,
                clinical ? "record with clinical summary" : "demographics and contacts only"));
        return recordOf(family, clinical);
    }

    /**
     * Changes demographics and contacts: front desk any family, counselors their caseload, supervisors
     * their programs. Refused for a closed family; a family changed meanwhile by someone else is a
     * conflict ({@link Conflict}) and nothing is saved.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public FamilyRecord update(long familyId, @NotNull @Valid FamilyUpdate update) {
        Family family = access.family(familyId);
        access.requireChange(family, true);
        requireVersion(family, update.version());
        family.requireOpen();
        wholeRecordChanges(family);
        family.updateDetails(update);
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.UPDATE_FAMILY, "Family", familyId, familyId));
        return recordOf(family, access.mayReadClinical(family));
    }

    /** Closes the family with a reason: its counselors (caseload) or its program's supervisors. */
    @RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
    public FamilyRecord close(
            long familyId,
            @NotBlank(message = "{family.closure.reason.required}")
                    @Size(max = 500, message = "{family.closure.reason.length}")
                    String reason,
            Long version) {
        Family family = access.family(familyId);
        access.requireChange(family, false);
        requireVersion(family, version);
        family.close(reason, access.caller().username(), clock.today());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.CLOSE_FAMILY, "Family", familyId, familyId));
        return recordOf(family, true);
    }

    /** Reopens a closed family: a supervisor of its program only. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public FamilyRecord reopen(long familyId, Long version) {
        Family family = access.family(familyId);
        if (!access.supervisesProgramOf(family)) {
            throw new Refused("a supervisor reopens families of their own programs only", familyId);
        }
        requireVersion(family, version);
        Intake intake = em.find(Intake.class, familyId);
        family.reopen(intake != null && intake.isCompleted());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.REOPEN_FAMILY, "Family", familyId, familyId));
        return recordOf(family, true);
    }

    /**
     * The family's version is the version of its whole record, members included: a change to a member alone
     * leaves the family's row untouched, so Hibernate would not move its version and a second editor who read
     * the same version would overwrite the first one's member change. The version is moved now, under the row's
     * lock: a concurrent editor who checked the same version waits here and is then refused as stale.
     */
    private void wholeRecordChanges(Family family) {
        try {
            em.lock(family, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        } catch (OptimisticLockException | PessimisticLockException changedMeanwhile) {
            throw Conflict.stale("family");
        }
    }

    static void requireVersion(Family family, Long version) {
        if (version == null || version.longValue() != family.getVersion()) {
            throw Conflict.stale("family");
        }
    }

    /**
     * The record as the caller may see it. Without clinical access (the front desk) the free texts that
     * may carry clinical detail (why the family was closed, why a counselor changed) are left out too.
     */
    private FamilyRecord recordOf(Family family, boolean withClinical) {
        List<AssignmentView> assignments = CaseAssignments.historyOf(em, family.getId());
        return new FamilyRecord(
                family.getId(),
                family.getCaseNumber().toString(),
                family.getName(),
                family.getStatus(),
                withClinical ? family.getClosureReason() : null,
                family.getClosedOn(),
                family.getProgram().getId(),
                family.getProgram().getName(),
                family.getPreferredLanguage(),
                family.getReferralSource(),
                family.getReferralNote(),
                family.getOpenedOn(),
                family.getLastContactOn(),
                family.getPrimaryCounselor() == null
                        ? null
                        : family.getPrimaryCounselor().getDisplayName(),
                family.getMembers().stream()
                        .map(m -> new FamilyRecord.Member(
                                m.getId(),
                                m.getFullName(),
                                m.getDateOfBirth(),
                                m.getAgeYears(),
                                m.getRelationship(),
                                m.getPhone(),
                                m.getEmail(),
                                m.getPreferredLanguage(),
                                m.isSafeToLeaveMessage(),
                                m.isSafeToMail(),
                                m.isParticipates()))
                        .toList(),
                withClinical
                        ? assignments
                        : assignments.stream()
                                .map(AssignmentView::withoutReason)
                                .toList(),
                family.getVersion(),
                withClinical ? clinicalOf(family) : null);
    }

    private FamilyRecord.Clinical clinicalOf(Family family) {
        Intake intake = em.find(Intake.class, family.getId());
        List<SafetyFlags.StandingRaise> raises = SafetyFlags.standingOf(em, family);
        if (intake == null) {
            return new FamilyRecord.Clinical(
                    IntakeState.NOT_STARTED,
                    !raises.isEmpty(),
                    SafetyFlags.reasons(List.of(), raises),
                    false,
                    false,
                    null,
                    null,
                    List.of());
        }
        Map<Long, String> episodes = lovedOneEpisodes.statusesOf(family);
        SafetyScreen safety = intake.getSafety();
        return new FamilyRecord.Clinical(
                intake.isCompleted() ? IntakeState.COMPLETED : IntakeState.DRAFT,
                intake.isSafetyFlag() || !raises.isEmpty(),
                SafetyFlags.reasons(safety.getFlagReasons(), raises),
                Boolean.TRUE.equals(safety.getChildrenInHome()),
                intake.isOfferNaloxone(),
                intake.getCompletedBy(),
                intake.getCompletedAt(),
                intake.getLovedOnes().stream()
                        .map(l -> {
                            LovedOneForm form = l.toForm();
                            return new FamilyRecord.LovedOneSummary(
                                    l.getId(),
                                    form.getAlias(),
                                    form.getAgeYears(),
                                    form.getRelationship(),
                                    form.getSubstances(),
                                    form.getStageOfChange(),
                                    form.getInTreatment(),
                                    episodes.get(l.getId()));
                        })
                        .toList());
    }
}
