package org.hearth.family;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.audit.RequestOrigin;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.RequestMemo;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicClock;

/**
 * Break the glass: a counselor opens a family outside their caseload in an emergency, giving a reason. The
 * access lets them read the family's record and clinical content (not write: a note or an event needs the
 * family on one's caseload) for the rest of their session - {@link #endSession} ends it when the session
 * ends, and it never outlasts {@link EmergencyAccess#LONGEST}. The opening and every audit entry made under it
 * are marked; each access waits on its program's supervisors' list until one of them reviews it.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class EmergencyAccesses {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy familyAccess;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /**
     * Opens the family by its case number for the caller's session ({@code sessionKey}, a secret the web
     * layer keeps in the session). Refused when the family is already the caller's to read.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public EmergencyAccessView open(
            @NotBlank(message = "{emergency.caseNumber.required}") String caseNumber,
            @NotBlank(message = "{emergency.reason.required}")
                    @Size(min = 10, max = 1000, message = "{emergency.reason.length}")
                    String reason,
            @NotBlank String sessionKey) {
        List<Family> found = em.createQuery("select f from Family f where f.caseNumber = :number", Family.class)
                .setParameter("number", caseNumber.strip().toUpperCase(Locale.ROOT))
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFound("family with the case number", caseNumber.strip());
        }
        return grant(found.get(0), reason, sessionKey);
    }

    /** As {@link #open}, for the family whose record the counselor was just refused. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public EmergencyAccessView openFamily(
            long familyId,
            @NotBlank(message = "{emergency.reason.required}")
                    @Size(min = 10, max = 1000, message = "{emergency.reason.length}")
                    String reason,
            @NotBlank String sessionKey) {
        return grant(familyAccess.family(familyId), reason, sessionKey);
    }

    private EmergencyAccessView grant(Family family, String reason, String sessionKey) {
        if (familyAccess.onCaseload(family) || familyAccess.supervisesProgramOf(family)) {
            throw new Invalid(Invalid.Subject.EMERGENCY_ACCESS, Invalid.Reason.plain(null, "emergency.alreadyYours"));
        }
        StaffMember me = familyAccess.caller().staffRecord();
        EmergencyAccess granted = new EmergencyAccess(family, me, reason.strip(), sessionKey, clock.now());
        em.persist(granted);
        // the caller's answers about this family change now
        RequestMemo.forgetInRequest();
        em.flush();
        audit.record(new AuditEvent(
                AuditAction.BREAK_THE_GLASS,
                "EmergencyAccess",
                granted.getId().toString(),
                family.getId(),
                AuditOutcome.ALLOWED,
                "emergency access: " + granted.getReason()));
        return EmergencyAccessView.of(granted);
    }

    /** Ends the accesses opened in a session that has ended (signed out or timed out). */
    @PermitAll
    public void endSession(String sessionKey) {
        Instant now = clock.now();
        em.createQuery(
                        "select a from EmergencyAccess a where a.sessionKey = :key and a.endedAt is null",
                        EmergencyAccess.class)
                .setParameter("key", sessionKey)
                .getResultList()
                .forEach(a -> a.end(now));
        RequestMemo.forgetInRequest();
    }

    /** The accesses the caller opened in this session and still open, newest first: the counselor's own list. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public List<EmergencyAccessView> mineOpen() {
        String sessionKey = RequestOrigin.sessionKeyInRequest().orElse(null);
        Long me = familyAccess.caller().staffId().orElse(null);
        if (sessionKey == null || me == null) {
            return List.of();
        }
        return em.createQuery(
                        "select a from EmergencyAccess a join fetch a.family join fetch a.staff"
                                + " where a.staff.id = :me and a.sessionKey = :session and a.endedAt is null"
                                + " and a.grantedAt > :since order by a.grantedAt desc",
                        EmergencyAccess.class)
                .setParameter("me", me)
                .setParameter("session", sessionKey)
                .setParameter("since", clock.now().minus(EmergencyAccess.LONGEST))
                .getResultStream()
                .map(EmergencyAccessView::of)
                .toList();
    }

    /**
     * The accesses to families of the caller's programs, not yet reviewed, oldest first: the supervisor's
     * "Emergency accesses" list. Audited as a listing.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<EmergencyAccessView> toReview() {
        List<Long> programs = familyAccess.caller().programIds();
        List<EmergencyAccessView> accesses = programs.isEmpty()
                ? List.of()
                : em.createQuery(
                                "select a from EmergencyAccess a join fetch a.family join fetch a.staff"
                                        + " where a.reviewedAt is null and a.family.program.id in :programs"
                                        + " order by a.grantedAt",
                                EmergencyAccess.class)
                        .setParameter("programs", programs)
                        .getResultStream()
                        .map(EmergencyAccessView::of)
                        .toList();
        audit.record(AuditEvent.listed(
                AuditAction.REVIEW_EMERGENCY_ACCESS,
                "EmergencyAccess",
                accesses.stream().map(EmergencyAccessView::id).toList()));
        return accesses;
    }

    /** A supervisor of the family's program reviews an access, with a note; once. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public EmergencyAccessView review(
            long accessId, @Size(max = 1000, message = "{emergency.review.length}") String note) {
        EmergencyAccess access = em.find(EmergencyAccess.class, accessId);
        if (access == null) {
            throw new Invalid(Invalid.Subject.EMERGENCY_ACCESS, Invalid.Reason.plain(null, "emergency.notFound"));
        }
        if (!familyAccess.supervisesProgramOf(access.getFamily())) {
            throw new Refused(
                    "emergency accesses are reviewed by the supervisors of the family's program",
                    access.getFamily().getId());
        }
        if (access.getReviewedAt() != null) {
            throw new Invalid(
                    Invalid.Subject.EMERGENCY_ACCESS, Invalid.Reason.plain(null, "emergency.reviewedAlready"));
        }
        access.review(
                context.getCallerPrincipal().getName(),
                note == null || note.isBlank() ? null : note.strip(),
                clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.REVIEW_EMERGENCY_ACCESS,
                "EmergencyAccess",
                accessId,
                access.getFamily().getId()));
        return EmergencyAccessView.of(access);
    }
}
