package org.hearth.calendar;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.appointments.Appointment;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.family.FamilyMember;
import org.hearth.groups.EnrollmentStatus;
import org.hearth.groups.GroupSession;
import org.hearth.groups.GroupSessionStatus;
import org.hearth.staff.StaffMember;

/**
 * The times some counselors, a room and some family members are already taken, by family sessions and by
 * group meetings, read once for a whole span ({@link #find}), so a booking or each occurrence of a group
 * can be checked without asking the database again. It is the one place that says what holds a person or a
 * room: a family session that is not cancelled or a no-show; a scheduled group meeting in the room, led by
 * the counselor (as facilitator, or as its substitute) or with the member enrolled. Each clash is named as
 * a booking names it: who or which room, the date, and the times it is taken.
 */
public final class TakenTimes {

    /**
     * What holds {@code staff}, {@code room} (may be null: telehealth) or the members between {@code from}
     * and {@code to}, leaving out the family session {@code appointment} and the group meeting
     * {@code session} being changed (either may be null).
     */
    /**
     * The earliest start of anything still running at {@code from}: sessions and meetings last under a day (V17's
     * checks), so the index on their start reads one day, not the years before.
     */
    private static Instant earliestStart(Instant from) {
        return from.minus(java.time.Duration.ofDays(1));
    }

    public static TakenTimes find(
            EntityManager em,
            Collection<StaffMember> staff,
            Room room,
            Collection<Long> memberIds,
            Instant from,
            Instant to,
            Long appointment,
            Long session) {
        Set<Long> staffIds = staff.stream().map(StaffMember::getId).collect(Collectors.toSet());
        Set<Long> members = memberIds.isEmpty() ? Set.of(-1L) : Set.copyOf(memberIds);
        long roomId = room == null ? -1L : room.getId();
        TakenTimes taken = new TakenTimes();
        List<Appointment> appointments = em.createQuery(
                        "select distinct a from Appointment a join fetch a.counselor left join fetch a.room"
                                + " left join fetch a.members"
                                + " where a.status in :holding and a.startsAt < :to and a.endsAt > :from"
                                + " and a.startsAt > :earliest"
                                + " and a.id <> :self and (a.counselor.id in :staff or a.room.id = :room"
                                + " or exists (select m.id from a.members m where m.id in :members))"
                                + " order by a.startsAt",
                        Appointment.class)
                .setParameter("holding", AppointmentStatus.HOLDING_TIME)
                .setParameter("from", from)
                .setParameter("earliest", earliestStart(from))
                .setParameter("to", to)
                .setParameter("self", appointment == null ? -1L : appointment)
                .setParameter("staff", staffIds.isEmpty() ? Set.of(-1L) : staffIds)
                .setParameter("room", roomId)
                .setParameter("members", members)
                .getResultList();
        for (Appointment a : appointments) {
            TimeSlot slot = new TimeSlot(a.getStartsAt(), a.getEndsAt());
            if (staffIds.contains(a.getCounselor().getId())) {
                taken.counselor(a.getCounselor().getDisplayName(), slot);
            }
            if (a.getRoom() != null && a.getRoom().getId() == roomId) {
                taken.room(a.getRoom().getName(), slot);
            }
            a.getMembers().stream()
                    .filter(m -> members.contains(m.getId()))
                    .map(FamilyMember::getFullName)
                    .forEach(name -> taken.member(name, slot));
        }
        List<GroupSession> sessions = em.createQuery(
                        "select s from GroupSession s join fetch s.group join fetch s.room left join fetch s.substitute"
                                + " where s.status = :scheduled and s.startsAt < :to and s.endsAt > :from"
                                + " and s.startsAt > :earliest"
                                + " and s.id <> :self and (s.room.id = :room or s.substitute.id in :staff"
                                + " or (s.substitute is null and exists (select f.id from SupportGroup g"
                                + " join g.facilitators f where g = s.group and f.id in :staff))"
                                + " or exists (select e.id from Enrollment e where e.group = s.group"
                                + " and e.status = :enrolled and e.member.id in :members))"
                                + " order by s.startsAt",
                        GroupSession.class)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("from", from)
                .setParameter("earliest", earliestStart(from))
                .setParameter("to", to)
                .setParameter("self", session == null ? -1L : session)
                .setParameter("staff", staffIds.isEmpty() ? Set.of(-1L) : staffIds)
                .setParameter("room", roomId)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .setParameter("members", members)
                .getResultList();
        Map<Long, List<String>> enrolledByGroup = new HashMap<>();
        if (!sessions.isEmpty() && !memberIds.isEmpty()) {
            for (Object[] row : em.createQuery(
                            "select e.group.id, e.member.fullName from Enrollment e where e.group.id in :groups"
                                    + " and e.status = :enrolled and e.member.id in :members order by e.member.id",
                            Object[].class)
                    .setParameter(
                            "groups",
                            sessions.stream().map(s -> s.getGroup().getId()).collect(Collectors.toSet()))
                    .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                    .setParameter("members", members)
                    .getResultList()) {
                enrolledByGroup
                        .computeIfAbsent((Long) row[0], g -> new ArrayList<>())
                        .add((String) row[1]);
            }
        }
        for (GroupSession s : sessions) {
            for (StaffMember leader : s.getLeaders()) {
                if (staffIds.contains(leader.getId())) {
                    taken.counselor(leader.getDisplayName(), s.slot());
                }
            }
            if (s.getRoom().getId() == roomId) {
                taken.room(s.getRoom().getName(), s.slot());
            }
            enrolledByGroup.getOrDefault(s.getGroup().getId(), List.of()).forEach(name -> taken.member(name, s.slot()));
        }
        return taken;
    }

    private record Taken(TimeSlot slot, String messageKey, String name) {}

    private final List<Taken> taken = new ArrayList<>();

    /** A counselor is busy during the slot. */
    public TakenTimes counselor(String displayName, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.counselor", displayName));
        return this;
    }

    /** A room is booked during the slot. */
    public TakenTimes room(String name, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.room", name));
        return this;
    }

    /** A family member attends another session, or a group meeting they are enrolled in, during the slot. */
    public TakenTimes member(String fullName, TimeSlot slot) {
        taken.add(new Taken(slot, "schedule.clash.member", fullName));
        return this;
    }

    /** Every clash of a session held during {@code slot}, in the order they were found; empty when all are free. */
    public List<ScheduleRefusal> clashesWith(TimeSlot slot) {
        return taken.stream()
                .filter(t -> t.slot().overlaps(slot))
                .map(t -> ScheduleRefusal.of(
                        t.messageKey(),
                        t.name(),
                        Times.date(t.slot().start()),
                        Times.time(t.slot().start()),
                        Times.time(t.slot().end())))
                .distinct()
                .toList();
    }
}
