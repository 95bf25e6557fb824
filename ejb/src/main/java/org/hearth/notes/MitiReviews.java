package org.hearth.notes;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.hearth.appointments.Appointment;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * MITI 4.2.1 reviews of family sessions: a supervisor of the family's program codes a held session, or the
 * counselor who held it codes it as a self-review. Coding the same session again corrects the coder's own
 * review. A counselor reads their own reviews; a supervisor those of the counselors of their programs. The
 * summary scores and their bands come from {@link MitiSummary}. Audited.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class MitiReviews {

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
     * Records the caller's coding of a held session (or corrects it, at the version of their review they read:
     * {@code version} is null for a first coding; a review coded or corrected meanwhile is a 409); its summary
     * comes back with it.
     */
    public MitiReviewView record(
            long appointmentId,
            @NotNull(message = "{miti.counts.required}") @Valid MitiCounts counts,
            @NotNull(message = "{miti.global.required}") @Valid MitiGlobals globals,
            @Size(max = 2000, message = "{miti.comment.length}") String comment,
            Long version) {
        Appointment session = em.find(Appointment.class, appointmentId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new NotFound("session", appointmentId);
        }
        boolean self = context.isCallerInRole(Role.Names.COUNSELOR)
                && session.getCounselor().getUsername().equals(access.caller().username());
        if (!self && !access.supervisesProgramOf(session.getFamily())) {
            throw new Refused(
                    "a session is coded by a supervisor of the family's program, or by its counselor as a self-review",
                    session.getFamily().getId());
        }
        if (session.getStatus() != AppointmentStatus.COMPLETED) {
            throw new Invalid(
                    Invalid.Subject.NOTE,
                    List.of(Invalid.Reason.of(
                            "appointmentId",
                            "note.session.notHeld",
                            session.getStartsAt()
                                    .atZone(ClinicTime.zone())
                                    .toLocalDate()
                                    .toString())));
        }
        StaffMember me = me();
        Instant now = clock.now();
        MitiReview review = em.createQuery(
                        "select r from MitiReview r where r.appointment = :session and r.reviewer = :me",
                        MitiReview.class)
                .setParameter("session", session)
                .setParameter("me", me)
                .getResultStream()
                .findFirst()
                .orElse(null);
        boolean first = review == null;
        if (!first) {
            Conflict.requireVersion(version, review.getVersion(), "review");
        }
        if (first) {
            review = new MitiReview(session, me, now);
        }
        review.code(counts, globals, comment == null || comment.isBlank() ? null : comment.strip(), now);
        if (first) {
            em.persist(review);
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.RECORD_MITI_REVIEW,
                "MitiReview",
                review.getId(),
                session.getFamily().getId()));
        return view(review);
    }

    /** The reviews of one session: for its counselor and the supervisors of the family's program. */
    public List<MitiReviewView> ofSession(long appointmentId) {
        Appointment session = em.find(Appointment.class, appointmentId);
        if (session == null) {
            throw new NotFound("session", appointmentId);
        }
        if (!session.getCounselor().getUsername().equals(access.caller().username())
                && !access.supervisesProgramOf(session.getFamily())) {
            throw new Refused(
                    "a session's reviews are for its counselor and the supervisors of the family's program",
                    session.getFamily().getId());
        }
        List<MitiReviewView> reviews = em.createQuery(
                        "select r from MitiReview r join fetch r.reviewer join fetch r.counselor"
                                + " where r.appointment = :session order by r.reviewedAt",
                        MitiReview.class)
                .setParameter("session", session)
                .getResultStream()
                .map(MitiReviews::view)
                .toList();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_MITI_REVIEWS,
                "Appointment",
                appointmentId,
                session.getFamily().getId()));
        return reviews;
    }

    /**
     * A counselor's reviews, oldest session first, for their trend: the counselor themselves, or a supervisor
     * who shares a program with them.
     */
    public List<MitiReviewView> ofCounselor(@NotNull String username) {
        StaffMember counselor = new StaffMembers(em)
                .byUsername(username)
                .orElseThrow(() -> new Refused("no such counselor among the caller's colleagues"));
        String caller = context.getCallerPrincipal().getName();
        boolean self = caller.equals(username);
        boolean supervises = context.isCallerInRole(Role.Names.SUPERVISOR)
                && counselor.getProgramIds().stream().anyMatch(access.caller().programIds()::contains);
        if (!self && !supervises) {
            throw new Refused("a counselor's reviews are for them and the supervisors of their programs");
        }
        List<MitiReviewView> reviews = em.createQuery(
                        "select r from MitiReview r join fetch r.reviewer join fetch r.counselor join fetch r.appointment"
                                + " where r.counselor = :counselor order by r.appointment.startsAt, r.id",
                        MitiReview.class)
                .setParameter("counselor", counselor)
                .getResultStream()
                .map(MitiReviews::view)
                .toList();
        audit.record(AuditEvent.allowed(AuditAction.READ_MITI_REVIEWS, "StaffMember", counselor.getId()));
        return reviews;
    }

    private static MitiReviewView view(MitiReview r) {
        Appointment a = r.getAppointment();
        return new MitiReviewView(
                r.getId(),
                a.getId(),
                a.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                a.getKind(),
                r.getCounselor().getUsername(),
                r.getCounselor().getDisplayName(),
                r.getReviewer().getUsername(),
                r.getReviewer().getDisplayName(),
                r.isSelfReview(),
                r.counts(),
                r.globals(),
                MitiSummary.of(r.counts(), r.globals()),
                r.getComment(),
                r.getReviewedAt(),
                r.getVersion());
    }

    private StaffMember me() {
        return access.caller().staffRecord();
    }
}
