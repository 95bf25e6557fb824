package org.hearth.family;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import org.hearth.access.AccessRules;
import org.hearth.access.Caller;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * A counselor's caseload: the families where they are the primary counselor, or cover today within the
 * covering dates. Paginated, filtered and sorted in the database. Supervisors read the caseload of the
 * counselors of their programs, restricted to families of those programs.
 */
@Stateless
public class Caseload {

    /** Family {@code f} is on the caseload of counselor {@code :counselor} on {@code :today} ({@link AccessRules}). */
    private static final String ON_CASELOAD = AccessRules.Jpql.onCaseload("f", ":counselor", ":today");

    private static final String INTAKE_COMPLETED =
            "exists (select i.familyId from Intake i where i.family = f and i.completedAt is not null)";

    private static final String SAFETY_FLAGGED = SafetyFlags.standingJpql("f");

    /** The start of the family's next scheduled session, if any. */
    private static final String NEXT_APPOINTMENT = "(select min(a.startsAt) from Appointment a where a.family = f"
            + " and a.status = org.hearth.appointments.AppointmentStatus.SCHEDULED and a.startsAt > :now)";

    /**
     * A loved one of the family who has not entered treatment has a ready plan (issue 24): one look-up through
     * the episodes' family index and the plans' unique episode index.
     */
    private static final String TREATMENT_READY = "case when exists (select p.id from ReadyPlan p join p.episode e"
            + " where e.family = f and p.readySince is not null and e.status in ("
            + "org.hearth.engagement.EpisodeStatus.REFUSING, org.hearth.engagement.EpisodeStatus.AMBIVALENT,"
            + " org.hearth.engagement.EpisodeStatus.PREPARING)) then true else false end";

    private static final String INTAKE_INCOMPLETE = "case when " + INTAKE_COMPLETED + " then false else true end";

    private static final String SAFETY_FLAG = "case when " + SAFETY_FLAGGED + " then true else false end";

    /**
     * Each counselor of the programs with their open families of those programs today, those still in
     * intake and those flagged for safety. The families are left joined, so a counselor without any
     * counts zero; program membership is a subquery, so a counselor in several programs counts once.
     */
    private static final String COUNSELORS_OF_PROGRAMS = "select new org.hearth.family.CounselorCaseload("
            + "s.username, s.displayName, count(f),"
            + " sum(case when f.id is null or " + INTAKE_COMPLETED + " then 0 else 1 end),"
            + " sum(case when " + SAFETY_FLAGGED + " then 1 else 0 end))"
            + " from StaffMember s left join Family f on " + AccessRules.Jpql.onCaseloadOf("f", "s.id", ":today")
            + " and " + AccessRules.Jpql.inPrograms("f", ":programs")
            + " and f.status <> org.hearth.family.FamilyStatus.CLOSED"
            + " where concat(',', s.roles, ',') like '%,counselor,%'"
            + " and s.id in (select m.id from StaffMember m join m.programs p where p.id in :programs)"
            + " group by s.id, s.username, s.displayName order by s.displayName, s.username";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy access;

    @Inject
    private ClinicClock clock;

    /** The calling counselor's own caseload. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public CaseloadPage mine(@NotNull @Valid CaseloadQuery query) {
        Long me = access.caller().staffId().orElse(null);
        if (me == null) {
            return new CaseloadPage(List.of(), 0);
        }
        return page(me, null, query);
    }

    /** A counselor's caseload as their supervisor sees it: only families of the supervisor's programs. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public CaseloadPage ofCounselor(@NotBlank String counselorUsername, @NotNull @Valid CaseloadQuery query) {
        Caller supervisor = access.caller();
        StaffMember counselor =
                new StaffMembers(em).byUsername(counselorUsername).orElse(null);
        if (supervisor.staffId().isEmpty()
                || counselor == null
                || counselor.getProgramIds().stream().noneMatch(supervisor.programIds()::contains)) {
            throw new Refused("a supervisor reads the caseloads of their own programs' counselors only");
        }
        return page(counselor.getId(), supervisor.programIds(), query);
    }

    /**
     * For a supervisor: each counselor of their programs with how many families of those programs they
     * have today, how many are still in intake and how many carry the safety flag.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<CounselorCaseload> counselorsOfMyPrograms() {
        List<Long> programs = access.caller().programIds();
        if (programs.isEmpty()) {
            return List.of();
        }
        return em.createQuery(COUNSELORS_OF_PROGRAMS, CounselorCaseload.class)
                .setParameter("today", clock.today())
                .setParameter("programs", programs)
                .getResultList();
    }

    /** For a supervisor: the open families of their programs that have no primary counselor yet, oldest first. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<CaseloadRow> waitingForCounselor() {
        List<Long> programs = access.caller().programIds();
        if (programs.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select new org.hearth.family.CaseloadRow(f.id, f.caseNumber, f.name, f.status, "
                                + INTAKE_INCOMPLETE + ", " + SAFETY_FLAG + ", f.lastContactOn) from Family f"
                                + " where f.primaryCounselor is null and "
                                + AccessRules.Jpql.inPrograms("f", ":programs")
                                + " and f.status <> org.hearth.family.FamilyStatus.CLOSED order by f.id",
                        CaseloadRow.class)
                .setParameter("programs", programs)
                .setMaxResults(200)
                .getResultList();
    }

    /** One page of the counselor's caseload; with {@code programs} (a supervisor's), only families of those. */
    private CaseloadPage page(long counselor, List<Long> programs, CaseloadQuery query) {
        StringBuilder where = new StringBuilder(" where ").append(ON_CASELOAD);
        if (programs != null) {
            where.append(" and ").append(AccessRules.Jpql.inPrograms("f", ":programs"));
        }
        if (query.status() != null) {
            where.append(" and f.status = :status");
        }
        String search = query.search() == null || query.search().isBlank()
                ? null
                : query.search().trim();
        if (search != null) {
            where.append(" and (lower(f.name) like :name or f.caseNumber like :caseNumber)");
        }
        TypedQuery<CaseloadRow> rows = em.createQuery(
                "select new org.hearth.family.CaseloadRow(f.id, f.caseNumber, f.name, f.status, " + INTAKE_INCOMPLETE
                        + ", " + SAFETY_FLAG + ", f.lastContactOn, " + NEXT_APPOINTMENT + ", " + TREATMENT_READY + ")"
                        + " from Family f" + where + " order by " + query.sort().expression
                        + (query.descending() ? " desc" : " asc") + ", f.id",
                CaseloadRow.class);
        TypedQuery<Long> total = em.createQuery("select count(f) from Family f" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, total)) {
            q.setParameter("counselor", counselor);
            q.setParameter("today", clock.today());
            if (programs != null) {
                q.setParameter("programs", programs);
            }
            if (query.status() != null) {
                q.setParameter("status", query.status());
            }
            if (search != null) {
                q.setParameter("name", SearchPatterns.containing(search.toLowerCase(Locale.ROOT)));
                q.setParameter("caseNumber", SearchPatterns.containing(search.toUpperCase(Locale.ROOT)));
            }
        }
        rows.setParameter("now", clock.now());
        return new CaseloadPage(
                rows.setFirstResult(query.first())
                        .setMaxResults(query.pageSize())
                        .getResultList(),
                total.getSingleResult());
    }
}
