package org.hearth.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.calendar.TakenTimes;
import org.hearth.calendar.TimeHolder;
import org.hearth.staff.StaffMember;

/**
 * The time group meetings hold: a scheduled meeting holds its room, its leaders (the facilitators, or the
 * substitute) and the members enrolled in the group.
 */
@ApplicationScoped
public class GroupMeetingTimes implements TimeHolder {

    @PersistenceContext
    EntityManager em;

    @Override
    public Kind kind() {
        return Kind.GROUP_MEETINGS;
    }

    @Override
    public void addTaken(TakenTimes taken, TakenTimes.Span span) {
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
                .setParameter("from", span.from())
                .setParameter("earliest", span.earliest())
                .setParameter("to", span.to())
                .setParameter("self", span.session())
                .setParameter("staff", span.staffIds())
                .setParameter("room", span.roomId())
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .setParameter("members", span.memberIds())
                .getResultList();
        Map<Long, List<String>> enrolledByGroup = new HashMap<>();
        if (!sessions.isEmpty() && span.anyMembers()) {
            for (Object[] row : em.createQuery(
                            "select e.group.id, e.member.fullName from Enrollment e where e.group.id in :groups"
                                    + " and e.status = :enrolled and e.member.id in :members order by e.member.id",
                            Object[].class)
                    .setParameter(
                            "groups",
                            sessions.stream().map(s -> s.getGroup().getId()).collect(Collectors.toSet()))
                    .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                    .setParameter("members", span.memberIds())
                    .getResultList()) {
                enrolledByGroup
                        .computeIfAbsent((Long) row[0], g -> new ArrayList<>())
                        .add((String) row[1]);
            }
        }
        for (GroupSession s : sessions) {
            for (StaffMember leader : s.getLeaders()) {
                if (span.staffIds().contains(leader.getId())) {
                    taken.counselor(leader.getDisplayName(), s.slot());
                }
            }
            if (s.getRoom().getId() == span.roomId()) {
                taken.room(s.getRoom().getName(), s.slot());
            }
            enrolledByGroup
                    .getOrDefault(s.getGroup().getId(), List.of())
                    .forEach(name -> taken.memberInGroup(name, s.getGroup().getName(), s.slot()));
        }
    }

    @Override
    public long countHolding(Instant from, Instant to) {
        return em.createQuery(
                        "select count(s) from GroupSession s where s.status = :scheduled"
                                + " and s.startsAt >= :from and s.startsAt < :to",
                        Long.class)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }
}
