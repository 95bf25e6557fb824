package org.hearth.groups;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.Appointments;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.calendar.BookingRules;
import org.hearth.calendar.Room;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeHolder;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.messages.MessageKind;
import org.hearth.messages.Outbox;
import org.hearth.messages.OutboxMessage;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;

/**
 * What the support group services share: the records they look up (a group, its row locked for seats and rule
 * changes; a session; an enrollment after its group), who may do what with a group (the front desk, its
 * facilitators, the supervisors of its program), and the checks a meeting's time goes through (the clinic's
 * rules, the locks on those leading it and on the room, the times already taken). Each use case is a bean of
 * its own: {@link GroupDefinitions}, {@link GroupEnrollments}, {@link GroupAttendance} and {@link SupportGroups}
 * (reading).
 */
abstract class GroupService {

    @Inject
    @Any
    Instance<TimeHolder> timeHolders;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    FamilyAccessPolicy access;

    @EJB
    AuditTrail audit;

    @Inject
    ClinicClock clock;

    @Inject
    MeetingReminders meetingReminders;

    @EJB
    Outbox outbox;

    BookingRules rules(LocalDate from, LocalDate to) {
        return BookingRules.of(em, from, to);
    }

    Instant checkRules(LocalDateTime localStart, int minutes) {
        BookingRules rules = rules(localStart.toLocalDate(), localStart.toLocalDate());
        List<ScheduleRefusal> refusals = rules.check(localStart, minutes, clock.now());
        if (!refusals.isEmpty()) {
            throw new Invalid(Invalid.Subject.BOOKING, ScheduleRefusal.reasons(refusals));
        }
        return rules.instantOf(localStart).orElseThrow();
    }

    /**
     * Locks the staff rows (by id) and then the room's, the order {@link Appointments} uses, so a group and a
     * family session racing for the same counselor or room wait for each other instead of both succeeding.
     */
    void lock(List<StaffMember> staff, Room room) {
        for (StaffMember member : byId(staff)) {
            em.lock(member, LockModeType.PESSIMISTIC_WRITE);
        }
        if (room != null) {
            em.lock(room, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** When the staff and the room are taken between {@code from} and {@code to}, by any session but {@code self}. */
    TakenTimes takenTimes(List<StaffMember> staff, Room room, Instant from, Instant to, Long self) {
        return TakenTimes.find(timeHolders, staff, room, List.of(), from, to, null, self);
    }

    SupportGroupView view(SupportGroup group) {
        Waitlist seats = new Waitlist(enrollmentsOf(group), group.getCapacity());
        return SupportGroupView.of(
                group, sessionsOf(group), seats.seatsTaken(), seats.waiting().size());
    }

    /**
     * Offers each free seat of the group to the next on its waitlist, in order: the seat is held for them until
     * {@link SeatOfferDeadline} from now, and a {@link MessageKind#SEAT_OFFER} message is written in this
     * transaction when they may be messaged ({@link Outbox#mayMessage}); one who may not is offered all the same
     * and the group page tells the front desk to phone them. The group's row is locked. Audited on each family, as
     * the caller, or as {@code actor} when nobody signed in made the change (a member's link, the expiry timer).
     */
    List<Enrollment> offerFreeSeats(SupportGroup group, String actor) {
        em.flush();
        List<Enrollment> offered = new ArrayList<>();
        Instant now = clock.now();
        while (true) {
            Enrollment next = new Waitlist(enrollmentsOf(group), group.getCapacity())
                    .nextToOffer()
                    .orElse(null);
            if (next == null) {
                return offered;
            }
            next.offerSeat(now, now.plus(SeatOfferDeadline.configured()));
            em.flush();
            outbox.write(
                    MessageKind.SEAT_OFFER,
                    next.getMember(),
                    OutboxMessage.ENROLLMENT,
                    next.getId(),
                    next.getOfferExpiresAt(),
                    null,
                    now);
            AuditEvent event = AuditEvent.allowedOnFamily(
                    AuditAction.OFFER_GROUP_SEAT,
                    "Enrollment",
                    next.getId(),
                    next.getMember().getFamily().getId());
            if (actor == null) {
                audit.record(event);
            } else {
                audit.recordAs(actor, event);
            }
            offered.add(next);
        }
    }

    /** The offer to the member has ended (taken, declined, expired, or they left): its message is not sent now. */
    void offerEnded(Enrollment enrollment, String why) {
        outbox.withdraw(OutboxMessage.ENROLLMENT, enrollment.getId(), why);
    }

    List<GroupSession> sessionsOf(SupportGroup group) {
        return em.createQuery(
                        "select s from GroupSession s join fetch s.room left join fetch s.substitute"
                                + " where s.group = :group order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("group", group)
                .getResultList();
    }

    /** With each member's family, which every row names: one query, not one more per member. */
    List<Enrollment> enrollmentsOf(SupportGroup group) {
        return em.createQuery(
                        "select e from Enrollment e join fetch e.member join fetch e.member.family where e.group = :group"
                                + " order by e.position, e.id",
                        Enrollment.class)
                .setParameter("group", group)
                .getResultList();
    }

    List<Attendance> attendanceAt(GroupSession session) {
        return em.createQuery(
                        "select a from Attendance a join fetch a.member join fetch a.member.family where a.session = :session",
                        Attendance.class)
                .setParameter("session", session)
                .getResultList();
    }

    List<RosterEntry> rosterOf(GroupSession session) {
        Map<Long, RosterEntry> roster = new HashMap<>();
        for (Enrollment e : enrollmentsOf(session.getGroup())) {
            if (e.getStatus() == EnrollmentStatus.ENROLLED) {
                FamilyMember m = e.getMember();
                roster.put(
                        m.getId(),
                        new RosterEntry(
                                m.getId(), m.getFullName(), m.getFamily().getId(), null));
            }
        }
        for (Attendance a : attendanceAt(session)) {
            FamilyMember m = a.getMember();
            roster.put(
                    m.getId(),
                    new RosterEntry(m.getId(), m.getFullName(), m.getFamily().getId(), a.getMark()));
        }
        return roster.values().stream()
                .sorted(Comparator.comparing(RosterEntry::memberName).thenComparing(RosterEntry::memberId))
                .toList();
    }

    boolean hasStarted(SupportGroup group) {
        return em.createQuery(
                                "select count(s) from GroupSession s where s.group = :group and s.startsAt <= :now",
                                Long.class)
                        .setParameter("group", group)
                        .setParameter("now", clock.now())
                        .getSingleResult()
                > 0;
    }

    SupportGroup group(long groupId) {
        SupportGroup group = em.find(SupportGroup.class, groupId);
        if (group == null) {
            throw new NotFound("support group", groupId);
        }
        return group;
    }

    /** The group, its row locked until the transaction ends: the one gate for seats and rule changes. */
    SupportGroup lockedGroup(long groupId) {
        SupportGroup group = em.find(SupportGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw new NotFound("support group", groupId);
        }
        return group;
    }

    /** The enrollment, after its group's row is locked (the group first, as {@link GroupEnrollments#enroll} does). */
    Enrollment lockedEnrollment(long enrollmentId) {
        Long groupId = em.createQuery("select e.group.id from Enrollment e where e.id = :id", Long.class)
                .setParameter("id", enrollmentId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("enrollment", enrollmentId));
        lockedGroup(groupId);
        return em.find(Enrollment.class, enrollmentId);
    }

    /**
     * The session, its row locked after its group's (the order {@link GroupDefinitions#changeRule} takes): of two
     * people changing it from the same version, the second waits for the first and then finds the version moved on.
     */
    GroupSession lockedSession(long sessionId) {
        Long groupId = em.createQuery("select s.group.id from GroupSession s where s.id = :id", Long.class)
                .setParameter("id", sessionId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("group session", sessionId));
        lockedGroup(groupId);
        return em.find(GroupSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    }

    GroupSession session(long sessionId) {
        GroupSession session = em.find(GroupSession.class, sessionId);
        if (session == null) {
            throw new NotFound("group session", sessionId);
        }
        return session;
    }

    /** A scheduled future session the caller may change, at the version they saw. */
    GroupSession changeableSession(long sessionId, Long version) {
        GroupSession session = lockedSession(sessionId);
        requireDefinesFor(session.getGroup().getProgram());
        Conflict.requireVersion(version, session.getVersion(), "group meeting");
        if (session.getStatus() != GroupSessionStatus.SCHEDULED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the session is cancelled; that is no longer possible");
        }
        if (!session.getStartsAt().isAfter(clock.now())) {
            throw new Invalid(
                    Invalid.Subject.BOOKING, ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.past"))));
        }
        return session;
    }

    GroupSessionView sessionChanged(GroupSession session, AuditAction action) {
        em.flush();
        audit.record(AuditEvent.allowed(action, "GroupSession", session.getId()));
        return GroupSessionView.of(session);
    }

    /** Groups are defined and their sessions changed by the front desk, or by a supervisor of the program. */
    void requireDefinesFor(Program program) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !supervisesProgram(program)) {
            throw new Refused(
                    "groups are defined and changed by the front desk or a supervisor of the group's program");
        }
    }

    /**
     * Enrolling: the caller keeps the group's enrollment, and the member belongs to a family of the group's
     * program that the caller may act for (the front desk any such family; a facilitator a family on their
     * caseload). A member id that does not exist is refused exactly as one the caller may not reach, before
     * anything about the member (their name, their family's state) is read, so the answer tells nothing.
     */
    void requireMayEnroll(SupportGroup group, Family family) {
        requireKeepsEnrollment(group, family == null ? null : family.getId());
        boolean mayActFor = family != null
                && family.getProgram().getId().equals(group.getProgram().getId())
                && (context.isCallerInRole(Role.Names.FRONT_DESK) || access.onCaseload(family));
        if (!mayActFor) {
            throw new Refused(
                    "a member is enrolled only from a family of the group's program that the caller works with",
                    family == null ? null : family.getId());
        }
    }

    /** Enrollment and waitlist: the front desk, or a counselor who facilitates the group. */
    void requireKeepsEnrollment(SupportGroup group, Long familyId) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK) && !facilitates(group)) {
            throw new Refused("members are enrolled by the front desk or the group's facilitators", familyId);
        }
    }

    void requireReadsMembers(SupportGroup group) {
        if (!context.isCallerInRole(Role.Names.FRONT_DESK)
                && !facilitates(group)
                && !supervisesProgram(group.getProgram())) {
            throw new Refused(
                    "a group's members are for the front desk, its facilitators and its program's supervisors");
        }
    }

    boolean facilitates(SupportGroup group) {
        return context.isCallerInRole(Role.Names.COUNSELOR) && group.isFacilitatedBy(callerName());
    }

    boolean leads(GroupSession session) {
        return context.isCallerInRole(Role.Names.COUNSELOR) && session.isLedBy(callerName());
    }

    boolean supervisesProgram(Program program) {
        if (!context.isCallerInRole(Role.Names.SUPERVISOR)) {
            return false;
        }
        return access.caller().staff().map(me -> me.belongsTo(program)).orElse(false);
    }

    StaffMember counselorOf(Program program, String username) {
        return new StaffMembers(em)
                .counselorOf(username, program)
                .orElseThrow(() -> new Invalid(
                        Invalid.Subject.BOOKING,
                        ScheduleRefusal.reasons(List.of(
                                ScheduleRefusal.of("schedule.counselor.notInProgram", username, program.getName())))));
    }

    Room roomOf(long roomId) {
        Room room = em.find(Room.class, roomId);
        if (room == null || !room.isActive()) {
            throw new Invalid(
                    Invalid.Subject.BOOKING,
                    ScheduleRefusal.reasons(List.of(ScheduleRefusal.of("schedule.room.unknown"))));
        }
        return room;
    }

    static List<StaffMember> byId(List<StaffMember> staff) {
        return staff.stream().sorted(Comparator.comparing(StaffMember::getId)).toList();
    }

    String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
