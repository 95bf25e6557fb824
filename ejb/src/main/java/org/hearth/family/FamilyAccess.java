package org.hearth.family;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import org.hearth.audit.RequestOrigin;
import org.hearth.security.AccessDeniedException;
import org.hearth.staff.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * Who may reach one family (DESIGN.md section 4), decided from the caller's roles and the family, never
 * from an id the caller holds. Counselors: families on their caseload today (primary, or covering within
 * the dates), and, to read, families they opened in an emergency. Supervisors: families of their programs, to read. Front desk: any family, contact details
 * only. Used by the family services, which audit what it allows and refuses.
 */
public final class FamilyAccess {

    private final EntityManager em;
    private final SessionContext context;
    private StaffMember caller;

    public FamilyAccess(EntityManager em, SessionContext context) {
        this.em = em;
        this.context = context;
    }

    public Family family(long familyId) {
        Family family = em.find(Family.class, familyId);
        if (family == null) {
            throw new FamilyNotFoundException(familyId);
        }
        return family;
    }

    public String callerName() {
        return context.getCallerPrincipal().getName();
    }

    /** The counselor has this family on their caseload today. */
    public boolean onMyCaseload(Family family) {
        StaffMember me = caller();
        if (me == null || !context.isCallerInRole(Role.Names.COUNSELOR)) {
            return false;
        }
        return org.hearth.security.RequestMemo.inRequest(
                "caseload " + me.getId() + " " + family.getId(),
                () -> em.createQuery(
                                        "select count(f) from Family f where f.id = :family and "
                                                + Caseload.ON_CASELOAD,
                                        Long.class)
                                .setParameter("family", family.getId())
                                .setParameter("counselor", me.getId())
                                .setParameter("today", ClinicClock.current().today())
                                .getSingleResult()
                        > 0);
    }

    /** The caller supervises the family's program. */
    public boolean supervisesProgramOf(Family family) {
        StaffMember me = caller();
        return me != null && context.isCallerInRole(Role.Names.SUPERVISOR) && me.belongsTo(family.getProgram());
    }

    /**
     * The family, when the caller may read its schedule (sessions, groups, attendance): the front desk, the
     * family's counselors, its program's supervisors. Refused otherwise, naming the family for the audit.
     */
    public Family requireScheduleRead(long familyId) {
        Family family = family(familyId);
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !mayReadClinical(family)) {
            throw new AccessDeniedException(
                    "a family's schedule is for the front desk, its counselors and its program's supervisors",
                    familyId);
        }
        return family;
    }

    /**
     * Clinical content may be read: the counselor's caseload, the supervisor's program, or a family the
     * counselor opened in an emergency during their session ({@link EmergencyAccesses}).
     */
    boolean mayReadClinical(Family family) {
        return onMyCaseload(family) || supervisesProgramOf(family) || hasEmergencyAccess(family);
    }

    /**
     * The counselor opened this family in an emergency in the signed-in session this request belongs to, and
     * the access has not ended. An access belongs to the session that gave the reason: another browser
     * session of the same counselor, or an API token, does not carry it.
     */
    public boolean hasEmergencyAccess(Family family) {
        StaffMember me = caller();
        String sessionKey = RequestOrigin.sessionKeyInRequest().orElse(null);
        if (me == null || sessionKey == null || !context.isCallerInRole(Role.Names.COUNSELOR)) {
            return false;
        }
        return org.hearth.security.RequestMemo.inRequest(
                "emergency " + me.getId() + " " + family.getId() + " " + sessionKey,
                () -> em.createQuery(
                                        "select count(a) from EmergencyAccess a where a.family = :family and a.staff"
                                                + " = :me and a.sessionKey = :session and a.endedAt is null"
                                                + " and a.grantedAt > :since",
                                        Long.class)
                                .setParameter("family", family)
                                .setParameter("me", me)
                                .setParameter("session", sessionKey)
                                .setParameter(
                                        "since", ClinicClock.current().now().minus(EmergencyAccess.LONGEST))
                                .getSingleResult()
                        > 0);
    }

    /** Clinical content (intake, notes, episodes) is for the family's counselors and its program's supervisors. */
    public void requireClinicalRead(Family family) {
        if (!mayReadClinical(family)) {
            throw new AccessDeniedException(
                    "clinical content is for the family's counselors and the supervisors of its program",
                    family.getId());
        }
    }

    void requireClinicalWrite(Family family) {
        if (!onMyCaseload(family)) {
            throw new AccessDeniedException(
                    "only a counselor with the family on their caseload records its intake", family.getId());
        }
    }

    /**
     * A change to the family's details or its closing: the front desk (details only, see the callers), the
     * family's counselors, its program's supervisors - never through an emergency access, which only reads.
     */
    void requireChange(Family family, boolean frontDeskToo) {
        boolean desk = frontDeskToo && context.isCallerInRole(Role.Names.FRONT_DESK);
        if (!desk && !onMyCaseload(family) && !supervisesProgramOf(family)) {
            throw new AccessDeniedException(
                    hasEmergencyAccess(family)
                            ? "an emergency access only reads the family's record"
                            : "a family is changed by the front desk, its counselors and its program's supervisors",
                    family.getId());
        }
    }

    /** Demographics and contacts: front desk any family; counselors their caseload; supervisors their programs. */
    void requireContactAccess(Family family) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !mayReadClinical(family)) {
            throw new AccessDeniedException(
                    "a family's details are for the front desk, its counselors and its program's supervisors",
                    family.getId());
        }
    }

    private StaffMember caller() {
        if (caller == null) {
            caller = new StaffMembers(em).byUsername(callerName()).orElse(null);
        }
        return caller;
    }
}
