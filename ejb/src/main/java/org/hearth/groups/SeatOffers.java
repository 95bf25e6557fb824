package org.hearth.groups;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.security.Conflict;

/**
 * A seat offered to a member from the waitlist, answered by the member's own links or let pass its deadline. The
 * member takes it ({@link #take}: as the front desk's {@link GroupEnrollments#acceptOffer}, refused when they are
 * booked elsewhere at one of the group's meetings), declines it ({@link #decline}: they leave the waitlist and the
 * seat passes to the next), or lets the deadline pass ({@link #expireDue}: likewise). Nobody signs in for these, so
 * there is no role to check: the links' tokens are the proof, checked by the messages' link page before it calls
 * here. Each answer says what happened in a code the page shows ({@code messages.answer.<code>}).
 */
@Stateless
@PermitAll
public class SeatOffers extends GroupService {

    /** The seat was taken: the member is enrolled. */
    public static final String TAKEN = "seat-taken";
    /** The seat was declined: it passes to the next on the waitlist. */
    public static final String DECLINED = "seat-declined";
    /** The offer's deadline had passed: nothing changed. */
    public static final String EXPIRED = "seat-offer-expired";
    /** The seat is no longer offered to the member (taken, declined, or they left): nothing changed. */
    public static final String NO_LONGER_OFFERED = "seat-no-longer-offered";
    /** The member is booked elsewhere at one of the group's meetings: nothing changed, they call the clinic. */
    public static final String CLASH = "seat-clash";

    /** Who the audit names for an answer by a member's link (as the messages' link page names its use). */
    static final String BY_LINK = "message-link";
    /** Who the audit names for an offer ended at its deadline. */
    static final String BY_EXPIRY = "seat-offer-expiry";

    /** How many expired offers one run ends at most; the rest wait for the next minute. */
    static final int EXPIRED_PER_RUN = 100;

    /**
     * The member takes the seat offered, at {@code now}: enrolled, as the front desk's
     * {@link GroupEnrollments#acceptOffer} does, unless the offer has passed its deadline or is no longer out, or
     * the member has a family session or another group's meeting during one of the group's meetings ahead (then
     * nothing changes and the page asks them to call the clinic). In the link's transaction. Audited on the family.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String take(long enrollmentId, Instant now) {
        Enrollment enrollment = lockedEnrollment(enrollmentId);
        String refusal = refusal(enrollment, now);
        if (refusal != null) {
            return refusal;
        }
        try {
            new MemberTimes(em, timeHolders)
                    .requireFreeForMeetingsOf(enrollment.getGroup(), enrollment.getMember(), now);
        } catch (Conflict clash) {
            return CLASH;
        }
        enrollment.acceptSeat();
        offerEnded(enrollment, "the member took the seat");
        em.flush();
        meetingReminders.planFor(enrollment.getGroup(), enrollment.getMember());
        audit.recordAs(
                BY_LINK,
                AuditEvent.allowedOnFamily(
                        AuditAction.TAKE_GROUP_SEAT_BY_LINK, "Enrollment", enrollment.getId(), familyOf(enrollment)));
        return TAKEN;
    }

    /**
     * The member declines the seat offered, at {@code now}: they leave the waitlist (declined) and the seat is
     * offered to the next on it, unless the offer has passed its deadline or is no longer out (nothing changes).
     * In the link's transaction. Audited on each family.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String decline(long enrollmentId, Instant now) {
        Enrollment enrollment = lockedEnrollment(enrollmentId);
        String refusal = refusal(enrollment, now);
        if (refusal != null) {
            return refusal;
        }
        enrollment.leave(now, LeaveReason.DECLINED_OFFER);
        offerEnded(enrollment, "the member declined the seat");
        audit.recordAs(
                BY_LINK,
                AuditEvent.allowedOnFamily(
                        AuditAction.DECLINE_GROUP_SEAT_BY_LINK,
                        "Enrollment",
                        enrollment.getId(),
                        familyOf(enrollment)));
        offerFreeSeats(enrollment.getGroup(), BY_LINK);
        return DECLINED;
    }

    /**
     * Ends the offers past their deadline: each member leaves the waitlist (offer expired; the front desk can
     * enroll them again, at the end of the waitlist) and the seat is offered to the next, with its message. The
     * groups' rows are claimed with {@code for update skip locked}, so when several servers run this at once each
     * offer is ended by one of them, and a group someone is changing now waits for the next run. Answers how many
     * offers it ended. Its own transaction. Audited on each family.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireDue() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery(
                        """
                        select e.id from group_enrollment e join support_group g on g.id = e.group_id
                        where e.status = 'OFFERED' and e.offer_expires_at <= ?1
                        order by e.offer_expires_at, e.id
                        limit ?2
                        for update of g skip locked""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, EXPIRED_PER_RUN)
                .getResultList();
        int ended = 0;
        for (Number id : due) {
            // read again now that the group is ours: another server may have ended it just before
            Enrollment enrollment = em.find(Enrollment.class, id.longValue());
            if (enrollment == null || !enrollment.offerExpiredAt(now)) {
                continue;
            }
            enrollment.leave(now, LeaveReason.OFFER_EXPIRED);
            offerEnded(enrollment, "the offer passed its deadline");
            audit.recordAs(
                    BY_EXPIRY,
                    AuditEvent.allowedOnFamily(
                            AuditAction.EXPIRE_GROUP_SEAT_OFFER,
                            "Enrollment",
                            enrollment.getId(),
                            familyOf(enrollment)));
            offerFreeSeats(enrollment.getGroup(), BY_EXPIRY);
            ended++;
        }
        return ended;
    }

    /** Why the member can no longer answer the offer at {@code now}, or null when they can. */
    private static String refusal(Enrollment enrollment, Instant now) {
        if (enrollment.getStatus() != EnrollmentStatus.OFFERED) {
            return NO_LONGER_OFFERED;
        }
        if (enrollment.offerExpiredAt(now)) {
            return EXPIRED;
        }
        return null;
    }

    private static long familyOf(Enrollment enrollment) {
        return enrollment.getMember().getFamily().getId();
    }
}
