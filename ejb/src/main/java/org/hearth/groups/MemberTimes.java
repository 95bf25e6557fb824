package org.hearth.groups;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hearth.appointments.Appointments;
import org.hearth.calendar.Room;
import org.hearth.calendar.ScheduleRefusal;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeHolder;
import org.hearth.family.FamilyMember;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.staff.StaffMember;

/**
 * A member is never in two places at once: the members' side of a group meeting's time. The members seated in
 * a group (enrolled) are held by its scheduled meetings, so defining a group, changing its rule, moving a
 * meeting, enrolling a member and accepting an offered seat check them against their family sessions and their
 * other groups' meetings, as {@link Appointments} checks a family session's members against group meetings.
 *
 * <p>The rows are locked in the one order every booking uses, so two of them racing for a member wait for each
 * other and cannot deadlock: the group's row (group changes only), the staff by id, the room, then the members
 * by id ({@link Appointments} locks the counselor, the room, then the attending members). Only then are the
 * times read, so the second of two racing changes sees what the first committed.
 */
final class MemberTimes {

    private final EntityManager em;
    private final Iterable<? extends TimeHolder> holders;

    MemberTimes(EntityManager em, Iterable<? extends TimeHolder> holders) {
        this.em = em;
        this.holders = holders;
    }

    /**
     * Locks the group's row, as the enrollments do before counting seats, so no member is seated in the group
     * while one of its meetings is moved: the move then sees every member it must check.
     */
    void lockGroup(SupportGroup group) {
        em.createQuery("select g from SupportGroup g where g.id = :id", SupportGroup.class)
                .setParameter("id", group.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * The members seated in the group (not those waiting or offered a seat: they hold no time yet), their rows
     * locked in id order. Called after the group's, the staff's and the room's rows are locked.
     */
    List<Long> lockSeated(SupportGroup group) {
        List<Long> ids = em.createQuery(
                        "select e.member.id from Enrollment e where e.group = :group and e.status = :enrolled"
                                + " order by e.member.id",
                        Long.class)
                .setParameter("group", group)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .getResultList();
        lock(ids);
        return ids;
    }

    /** What holds the staff, the room and the members from {@code from} to {@code to}, but the meeting {@code self}. */
    TakenTimes taken(
            List<StaffMember> staff, Room room, Collection<Long> memberIds, Instant from, Instant to, Long self) {
        return TakenTimes.find(holders, staff, room, memberIds, from, to, null, self);
    }

    /**
     * Refuses (409, naming each clash: "Ana Ruiz has a family session on ...", "... has the Parents' evening
     * meeting on ...") when the member, about to take a seat in the group, has a family session or another
     * group's meeting during one of the group's scheduled meetings still ahead. The group's row is already
     * locked; the member's is locked here, before the times are read.
     */
    void requireFreeForMeetingsOf(SupportGroup group, FamilyMember member, Instant now) {
        lock(List.of(member.getId()));
        List<GroupSession> ahead = em.createQuery(
                        "select s from GroupSession s where s.group = :group and s.status = :scheduled"
                                + " and s.startsAt > :now order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("group", group)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("now", now)
                .getResultList();
        if (ahead.isEmpty()) {
            return;
        }
        TakenTimes taken = taken(
                List.of(),
                null,
                List.of(member.getId()),
                ahead.get(0).getStartsAt(),
                ahead.get(ahead.size() - 1).getEndsAt(),
                null);
        List<Invalid.Reason> clashes = new ArrayList<>();
        for (GroupSession meeting : ahead) {
            for (ScheduleRefusal clash : taken.clashesWith(meeting.slot())) {
                Invalid.Reason reason = Invalid.Reason.of(
                        "memberId", clash.messageKey(), clash.arguments().toArray(String[]::new));
                if (!clashes.contains(reason)) {
                    clashes.add(reason);
                }
            }
        }
        if (!clashes.isEmpty()) {
            throw new Conflict(Conflict.Subject.CLASH, clashes);
        }
    }

    /** Locks the members' rows in id order, as {@link Appointments} locks a session's attending members. */
    private void lock(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        em.createQuery("select m from FamilyMember m where m.id in :ids order by m.id", FamilyMember.class)
                .setParameter("ids", memberIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
