package org.hearth.groups;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.family.Family;
import org.hearth.family.FamilyMember;
import org.hearth.family.FamilyStatus;
import org.hearth.messages.MessageKind;
import org.hearth.messages.MessageStatus;
import org.hearth.messages.OutboxMessage;
import org.hearth.security.Conflict;
import org.hearth.security.Role;

/**
 * Enrollment and the waitlist: the front desk and the group's facilitators enroll members; the program's
 * supervisors read who is in. Seats: the group's row is locked before its enrollments are counted, so requests
 * racing for the last seat enroll exactly as many members as the group seats and waitlist the rest in order.
 * When a member who held a seat leaves, the first on the waitlist is offered it (the seat is held for them until
 * the offer's deadline, and they are sent the offer when they may be messaged); they {@linkplain #acceptOffer
 * accept} it here or by their link, decline it by their link or by {@linkplain #leave leaving}, or let the deadline
 * pass ({@link SeatOffers}): each passes the seat on.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class GroupEnrollments extends GroupService {

    /**
     * Enrolls a family member: while the group has a free seat they are enrolled, once it is full they wait
     * at the end of its waitlist. The group's row is locked before seats are counted, so the last seat is
     * given once. Refused (409) when the member is already in the group or waiting, or when enrollment is
     * closed and the group has started; and, when they would take a seat, when they have a family session or
     * another group's meeting during one of the group's meetings ahead (each clash named, see
     * {@link MemberTimes}). A member put on the waitlist holds no time yet: they are checked when they accept a
     * seat. Front desk, or a facilitator of the group. Audited on the family.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public EnrollmentView enroll(long groupId, long memberId) {
        SupportGroup group = lockedGroup(groupId);
        FamilyMember member = em.find(FamilyMember.class, memberId);
        Family family = member == null ? null : member.getFamily();
        requireMayEnroll(group, family);
        if (family.getStatus() == FamilyStatus.CLOSED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the family is closed; a supervisor can reopen it");
        }
        if (!group.isOpenEnrollment() && hasStarted(group)) {
            throw new Conflict(
                    Conflict.Subject.ENROLLMENT,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("group.enrollment.closed", group.getName()))));
        }
        List<Enrollment> enrollments = enrollmentsOf(group);
        boolean alreadyIn = enrollments.stream()
                .anyMatch(e -> EnrollmentStatus.ACTIVE.contains(e.getStatus())
                        && e.getMember().getId().equals(member.getId()));
        if (alreadyIn) {
            throw new Conflict(
                    Conflict.Subject.ENROLLMENT,
                    ScheduleRefusal.reasons(List.of(
                            ScheduleRefusal.of("group.enrollment.already", member.getFullName(), group.getName()))));
        }
        Waitlist seats = new Waitlist(enrollments, group.getCapacity());
        if (seats.statusForNewcomer() == EnrollmentStatus.ENROLLED) {
            memberTimes().requireFreeForMeetingsOf(group, member, clock.now());
        }
        Enrollment enrollment =
                new Enrollment(group, member, seats.statusForNewcomer(), seats.nextPosition(), clock.now());
        em.persist(enrollment);
        em.flush();
        if (enrollment.getStatus() == EnrollmentStatus.ENROLLED) {
            meetingReminders.planFor(group, member);
        }
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.ENROLL_IN_GROUP, "Enrollment", enrollment.getId(), family.getId()));
        return EnrollmentView.of(enrollment);
    }

    /**
     * The member leaves the group (or its waitlist, or declines a seat offered). When they held a seat, the
     * first on the waitlist is offered it, with a deadline and a message ({@link GroupService#offerFreeSeats});
     * the offer's message not yet sent to a member who leaves is withdrawn. Front desk, or a facilitator of the group. Audited on each family.
     * Refused (409, "enrollment") unless {@code version} is the enrollment's version read.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public SeatChange leave(long enrollmentId, Long version) {
        Enrollment enrollment = lockedEnrollment(enrollmentId);
        SupportGroup group = enrollment.getGroup();
        long familyId = enrollment.getMember().getFamily().getId();
        requireKeepsEnrollment(group, familyId);
        Conflict.requireVersion(version, enrollment.getVersion(), "enrollment");
        if (enrollment.getStatus() == EnrollmentStatus.LEFT) {
            throw new Conflict(Conflict.Subject.LOCKED, "the member has already left the group");
        }
        boolean wasOffered = enrollment.getStatus() == EnrollmentStatus.OFFERED;
        enrollment.leave(clock.now(), LeaveReason.LEFT);
        meetingReminders.withdrawFor(group, enrollment.getMember(), "the member left the group");
        if (wasOffered) {
            offerEnded(enrollment, "the member left the waitlist");
        }
        audit.record(AuditEvent.allowedOnFamily(AuditAction.LEAVE_GROUP, "Enrollment", enrollment.getId(), familyId));
        Enrollment offered = offerFreeSeats(group, null).stream().findFirst().orElse(null);
        return new SeatChange(EnrollmentView.of(enrollment), offered == null ? null : EnrollmentView.of(offered));
    }

    /**
     * The member offered a freed seat takes it; refused (409, each clash named) when they have a family session
     * or another group's meeting during one of the group's meetings ahead. Front desk, or a facilitator of the
     * group. Audited on the family. Refused (409, "enrollment") unless {@code version} is the enrollment's version
     * read.
     */
    @RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR})
    public EnrollmentView acceptOffer(long enrollmentId, Long version) {
        Enrollment enrollment = lockedEnrollment(enrollmentId);
        long familyId = enrollment.getMember().getFamily().getId();
        requireKeepsEnrollment(enrollment.getGroup(), familyId);
        Conflict.requireVersion(version, enrollment.getVersion(), "enrollment");
        if (enrollment.getStatus() != EnrollmentStatus.OFFERED) {
            throw new Conflict(
                    Conflict.Subject.LOCKED, "no seat is offered to this member; it is " + enrollment.getStatus());
        }
        memberTimes().requireFreeForMeetingsOf(enrollment.getGroup(), enrollment.getMember(), clock.now());
        enrollment.acceptSeat();
        offerEnded(enrollment, "the seat was taken at the front desk");
        em.flush();
        meetingReminders.planFor(enrollment.getGroup(), enrollment.getMember());
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.ACCEPT_GROUP_SEAT, "Enrollment", enrollment.getId(), familyId));
        return EnrollmentView.of(enrollment);
    }

    /**
     * The group's enrollments: seated members, then the waitlist in order, then those who left. Front desk,
     * the group's facilitators, supervisors of its program. Audited with the ids listed.
     */
    public List<EnrollmentView> enrollments(long groupId) {
        SupportGroup group = group(groupId);
        requireReadsMembers(group);
        List<Enrollment> enrollments = enrollmentsOf(group);
        Map<Long, MessageStatus> offerMessages = offerMessages(enrollments);
        List<EnrollmentView> views = enrollments.stream()
                .sorted(Comparator.comparing((Enrollment e) -> e.getStatus() == EnrollmentStatus.LEFT)
                        .thenComparing(e -> e.getStatus() == EnrollmentStatus.WAITLISTED)
                        .thenComparingInt(Enrollment::getPosition)
                        .thenComparing(Enrollment::getId))
                .map(e -> EnrollmentView.of(e, offerMessages.get(e.getId())))
                .toList();
        audit.record(AuditEvent.listed(
                AuditAction.READ_GROUP_ENROLLMENTS,
                "Enrollment",
                views.stream().map(EnrollmentView::id).toList()));
        return views;
    }

    /**
     * Where each seat offer's message stands, by enrollment (one query for the group): the latest message written
     * for each enrollment that was ever offered a seat. An offer without one was not emailed.
     */
    private Map<Long, MessageStatus> offerMessages(List<Enrollment> enrollments) {
        List<Long> offered = enrollments.stream()
                .filter(e -> e.getOfferedAt() != null)
                .map(Enrollment::getId)
                .toList();
        if (offered.isEmpty()) {
            return Map.of();
        }
        Map<Long, MessageStatus> statuses = new HashMap<>();
        em.createQuery(
                        """
                        select m.subjectId, m.status from OutboxMessage m
                        where m.kind = :kind and m.subjectType = :type and m.subjectId in :ids
                        order by m.id""",
                        Object[].class)
                .setParameter("kind", MessageKind.SEAT_OFFER)
                .setParameter("type", OutboxMessage.ENROLLMENT)
                .setParameter("ids", offered)
                .getResultList()
                .forEach(row -> statuses.put((Long) row[0], (MessageStatus) row[1]));
        return statuses;
    }

    /** The member's family sessions and other group meetings, checked before they take a seat. */
    private MemberTimes memberTimes() {
        return new MemberTimes(em, timeHolders);
    }
}
