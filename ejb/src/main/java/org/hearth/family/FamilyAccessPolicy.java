package org.hearth.family;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import org.hearth.access.AccessRules;
import org.hearth.access.Caller;
import org.hearth.access.CallerIdentity;
import org.hearth.audit.RequestOrigin;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.RequestMemo;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Who may reach one family (DESIGN.md section 4), decided from the {@link Caller}'s roles and the family, never
 * from an id the caller holds. Counselors: families on their caseload today ({@link AccessRules}), and, to read,
 * families they opened in an emergency in this signed-in session. Supervisors: families of their programs.
 * Front desk: any family, contact details and schedule only. Every service asks this policy; a refusal is an
 * {@link Refused} naming the family, which the services' interceptor audits.
 */
@ApplicationScoped
public class FamilyAccessPolicy {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller requestCaller;

    @Inject
    private CallerIdentity identity;

    @Inject
    private ClinicClock clock;

    /** The caller of the current request; outside a request (a timer) one resolved for this call. */
    public Caller caller() {
        try {
            requestCaller.roles();
            return requestCaller;
        } catch (ContextNotActiveException noRequest) {
            return new Caller(identity, em, clock);
        }
    }

    /** The family, or {@link NotFound} (answered as a refusal, so its existence is not told). */
    public Family family(long familyId) {
        Family family = em.find(Family.class, familyId);
        if (family == null) {
            throw new NotFound("family", familyId);
        }
        return family;
    }

    /** The family is on the calling counselor's caseload today ({@link AccessRules} caseload rule). */
    public boolean onCaseload(Family family) {
        Caller me = caller();
        if (!me.hasRole(Role.Names.COUNSELOR) || me.staffId().isEmpty()) {
            return false;
        }
        long counselor = me.staffId().get();
        LocalDate today = me.today();
        // remembered for the request, but an answer about today: a request crossing the clinic's midnight asks again
        return RequestMemo.inRequest(
                "caseload " + counselor + " " + family.getId() + " " + today,
                () -> em.createQuery(
                                        "select count(f) from Family f where f.id = :family and "
                                                + AccessRules.Jpql.onCaseload("f", ":counselor", ":today"),
                                        Long.class)
                                .setParameter("family", family.getId())
                                .setParameter("counselor", counselor)
                                .setParameter("today", today)
                                .getSingleResult()
                        > 0);
    }

    /** The caller is a supervisor of the family's program ({@link AccessRules} program rule). */
    public boolean supervisesProgramOf(Family family) {
        Caller me = caller();
        return me.hasRole(Role.Names.SUPERVISOR)
                && me.worksIn(family.getProgram().getId());
    }

    /**
     * The counselor opened this family in an emergency in the signed-in session this request belongs to, and the
     * access has not ended. An access belongs to the session that gave the reason: another browser session of the
     * same counselor, or an API token, does not carry it.
     */
    public boolean hasEmergencyAccess(Family family) {
        Caller me = caller();
        String sessionKey = RequestOrigin.sessionKeyInRequest().orElse(null);
        if (sessionKey == null
                || !me.hasRole(Role.Names.COUNSELOR)
                || me.staffId().isEmpty()) {
            return false;
        }
        long staff = me.staffId().get();
        return RequestMemo.inRequest(
                "emergency " + staff + " " + family.getId() + " " + sessionKey,
                () -> em.createQuery(
                                        "select count(a) from EmergencyAccess a where a.family = :family and a.staff.id"
                                                + " = :me and a.sessionKey = :session and a.endedAt is null"
                                                + " and a.grantedAt > :since",
                                        Long.class)
                                .setParameter("family", family)
                                .setParameter("me", staff)
                                .setParameter("session", sessionKey)
                                .setParameter("since", me.now().minus(EmergencyAccess.LONGEST))
                                .getSingleResult()
                        > 0);
    }

    /**
     * Clinical content may be read: the counselor's caseload, the supervisor's program, or a family the counselor
     * opened in an emergency during their session.
     */
    public boolean mayReadClinical(Family family) {
        return onCaseload(family) || supervisesProgramOf(family) || hasEmergencyAccess(family);
    }

    /** Clinical content may be written: only by a counselor with the family on their caseload. */
    public boolean mayWriteClinical(Family family) {
        return onCaseload(family);
    }

    /** Contact details and the schedule: the front desk, the family's counselors, its program's supervisors. */
    public boolean mayReadContactsAndSchedule(Family family) {
        return caller().hasRole(Role.Names.FRONT_DESK) || mayReadClinical(family);
    }

    /**
     * The family's details or its closing may be changed: the front desk when {@code frontDeskToo} (details
     * only), the family's counselors, its program's supervisors - never through an emergency access.
     */
    public boolean mayChange(Family family, boolean frontDeskToo) {
        return (frontDeskToo && caller().hasRole(Role.Names.FRONT_DESK))
                || onCaseload(family)
                || supervisesProgramOf(family);
    }

    /**
     * The family, when the caller may read its schedule (sessions, groups, attendance): the front desk, the
     * family's counselors, its program's supervisors. Refused otherwise, naming the family for the audit.
     */
    public Family requireScheduleRead(long familyId) {
        Family family = family(familyId);
        if (!mayReadContactsAndSchedule(family)) {
            throw new Refused(
                    "a family's schedule is for the front desk, its counselors and its program's supervisors",
                    familyId);
        }
        return family;
    }

    /** Clinical content (intake, notes, episodes) is for the family's counselors and its program's supervisors. */
    public void requireClinicalRead(Family family) {
        if (!mayReadClinical(family)) {
            throw new Refused(
                    "clinical content is for the family's counselors and the supervisors of its program",
                    family.getId());
        }
    }

    /** Clinical content is recorded only by a counselor with the family on their caseload. */
    public void requireClinicalWrite(Family family) {
        if (!mayWriteClinical(family)) {
            throw new Refused("only a counselor with the family on their caseload records its intake", family.getId());
        }
    }

    /** See {@link #mayChange}; an emergency access is told it only reads. */
    public void requireChange(Family family, boolean frontDeskToo) {
        if (!mayChange(family, frontDeskToo)) {
            throw new Refused(
                    hasEmergencyAccess(family)
                            ? "an emergency access only reads the family's record"
                            : "a family is changed by the front desk, its counselors and its program's supervisors",
                    family.getId());
        }
    }

    /** Demographics and contacts: front desk any family; counselors their caseload; supervisors their programs. */
    public void requireContactAccess(Family family) {
        if (!mayReadContactsAndSchedule(family)) {
            throw new Refused(
                    "a family's details are for the front desk, its counselors and its program's supervisors",
                    family.getId());
        }
    }
}
