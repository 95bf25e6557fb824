package org.hearth.family;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.RequestMemo;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * Supervisors assign the counselors of the families in their programs: one primary counselor, and
 * covering counselors for a date range. Nothing is overwritten: a reassignment ends the current
 * assignment and records the new one with its reason.
 */
@Stateless
@RolesAllowed(Role.Names.SUPERVISOR)
public class CaseAssignments {

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
     * Makes the counselor the family's first primary counselor: a family that has none yet, so there is nothing
     * to overwrite (one that has one already is a conflict naming the family: say the version read, see
     * {@link #assignPrimary(long, String, String, Long)}).
     */
    public List<AssignmentView> assignPrimary(
            long familyId,
            @NotBlank(message = "{assignment.counselor.required}") String counselorUsername,
            @Size(max = 500) String reason) {
        return assignPrimary(familyId, counselorUsername, reason, null);
    }

    /**
     * Makes the counselor the family's primary counselor. The counselor must be a counselor of the
     * family's program; replacing another primary counselor needs a reason. {@code version} is the family's
     * version the supervisor read; it may be left out only for a family that has no primary counselor yet. A
     * family changed meanwhile (another counselor assigned) is a conflict naming the family. Audited.
     */
    public List<AssignmentView> assignPrimary(
            long familyId,
            @NotBlank(message = "{assignment.counselor.required}") String counselorUsername,
            @Size(max = 500) String reason,
            Long version) {
        Family family = familyOfMyPrograms(familyId);
        if (version != null || family.getPrimaryCounselor() != null) {
            FamilyRecords.requireVersion(family, version);
        }
        StaffMember counselor = counselorOfProgram(counselorUsername, family);
        Instant now = clock.now();
        for (Assignment open : openAssignments(family)) {
            if (open.getKind() != AssignmentKind.PRIMARY) {
                continue;
            }
            if (open.getCounselor().getId().equals(counselor.getId())) {
                throw Invalid.written(
                        Invalid.Subject.FAMILY_CHANGE,
                        counselor.getDisplayName() + " is already the primary counselor of this family.");
            }
            if (reason == null || reason.isBlank()) {
                throw Invalid.written(
                        Invalid.Subject.FAMILY_CHANGE, "Give a reason for changing the primary counselor.");
            }
            open.end(caller(), now);
        }
        em.flush();
        em.persist(
                new Assignment(family, counselor, AssignmentKind.PRIMARY, clock.today(), null, reason, caller(), now));
        family.assignPrimaryCounselor(counselor);
        RequestMemo.forgetInRequest(); // whose caseload the family is on changed
        audit.record(AuditEvent.allowedOnFamily(AuditAction.ASSIGN_COUNSELOR, "Family", familyId, familyId));
        return history(familyId);
    }

    /** Adds a counselor of the program covering the family from one date to another. Audited. */
    public List<AssignmentView> assignCovering(long familyId, @NotNull @Valid CoveringAssignment covering) {
        Family family = familyOfMyPrograms(familyId);
        StaffMember counselor = counselorOfProgram(covering.counselorUsername(), family);
        if (family.getPrimaryCounselor() != null
                && family.getPrimaryCounselor().getId().equals(counselor.getId())) {
            throw Invalid.written(
                    Invalid.Subject.FAMILY_CHANGE,
                    counselor.getDisplayName() + " is the primary counselor and cannot also cover this family.");
        }
        em.persist(new Assignment(
                family,
                counselor,
                AssignmentKind.COVERING,
                covering.from(),
                covering.until(),
                covering.reason(),
                caller(),
                clock.now()));
        RequestMemo.forgetInRequest(); // whose caseload the family is on changed
        audit.record(AuditEvent.allowedOnFamily(AuditAction.ASSIGN_COUNSELOR, "Family", familyId, familyId));
        return history(familyId);
    }

    /** The counselors of the family's program, by name: who may be assigned to it. */
    public List<CounselorChoice> counselorsFor(long familyId) {
        Family family = familyOfMyPrograms(familyId);
        return new StaffMembers(em)
                .counselorsOf(family.getProgram()).stream()
                        .map(s -> new CounselorChoice(s.getUsername(), s.getDisplayName()))
                        .toList();
    }

    /** A counselor as a choice in the assignment form. */
    public record CounselorChoice(String username, String displayName) implements Serializable {}

    /** Every assignment of the family, oldest first, for a supervisor of its program. */
    public List<AssignmentView> history(long familyId) {
        familyOfMyPrograms(familyId);
        return historyOf(em, familyId);
    }

    /**
     * Every assignment of the family, oldest first, with no access check: for the services of this
     * package that have checked access already (the family record shows it too).
     */
    static List<AssignmentView> historyOf(EntityManager em, long familyId) {
        return em
                .createQuery(
                        "select a from Assignment a join fetch a.counselor where a.family.id = :family order by a.assignedAt, a.id",
                        Assignment.class)
                .setParameter("family", familyId)
                .getResultList()
                .stream()
                .map(AssignmentView::of)
                .toList();
    }

    private Family familyOfMyPrograms(long familyId) {
        Family family = em.find(Family.class, familyId, LockModeType.OPTIMISTIC);
        if (family == null) {
            throw new NotFound("family", familyId);
        }
        StaffMember supervisor = access.caller().staff().orElse(null);
        if (supervisor == null || !supervisor.belongsTo(family.getProgram())) {
            throw new Refused("a supervisor assigns counselors only to families of their own programs", familyId);
        }
        return family;
    }

    private StaffMember counselorOfProgram(String username, Family family) {
        return new StaffMembers(em)
                .counselorOf(username, family.getProgram())
                .orElseThrow(() -> Invalid.written(
                        Invalid.Subject.FAMILY_CHANGE,
                        "'" + username + "' is not a counselor of "
                                + family.getProgram().getName() + "."));
    }

    private List<Assignment> openAssignments(Family family) {
        return em.createQuery(
                        "select a from Assignment a where a.family = :family and a.endedAt is null", Assignment.class)
                .setParameter("family", family)
                .getResultList();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
