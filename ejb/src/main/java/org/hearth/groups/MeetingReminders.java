package org.hearth.groups;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.family.FamilyMember;
import org.hearth.messages.MessageKind;
import org.hearth.messages.Outbox;
import org.hearth.messages.OutboxMessage;
import org.hearth.messages.ReminderLeads;
import org.hearth.time.ClinicClock;

/**
 * The reminders of group meetings in the outbox: one per lead ({@link ReminderLeads#due}) per member holding a seat
 * (ENROLLED) whom the outbox may message, for each scheduled meeting starting within the longest lead and a margin.
 * Meetings recur without end, so they are written as a member takes a seat and, for the meetings coming into reach,
 * by {@link MeetingReminderPlanner} every minute; {@link Outbox#writeOnce} makes both safe to repeat, on any number of
 * servers. Each is about the group (subject) and the meeting's start (about_at).
 */
@Dependent
public class MeetingReminders {

    /** How far past the longest lead meetings are planned, so a planner run missed for a while loses nothing. */
    static final Duration MARGIN = Duration.ofMinutes(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ClinicClock clock;

    /** Until when, from {@code now}, meetings' reminders are written. */
    static Instant horizon(Instant now) {
        return now.plus(ReminderLeads.configured().longest()).plus(MARGIN);
    }

    /** Writes the reminders of every group's meetings within reach now; answers how many were new. */
    int planAll() {
        Instant now = clock.now();
        List<GroupSession> meetings = em.createQuery(
                        "select s from GroupSession s join fetch s.group where s.status = :scheduled"
                                + " and s.startsAt > :now and s.startsAt <= :horizon order by s.startsAt",
                        GroupSession.class)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("now", now)
                .setParameter("horizon", horizon(now))
                .getResultList();
        // what was ever written for a meeting in reach, whatever became of it: the planner only fills gaps. A
        // reminder withdrawn (the member answered "I can't come", stopped messages) is not written again every minute.
        Set<String> planned = new HashSet<>();
        em.createQuery(
                        "select m.subjectId, m.member.id, m.aboutAt from OutboxMessage m where m.kind = :kind"
                                + " and m.subjectType = :type and m.aboutAt > :now and m.aboutAt <= :horizon",
                        Object[].class)
                .setParameter("kind", MessageKind.MEETING_REMINDER)
                .setParameter("type", OutboxMessage.SUPPORT_GROUP)
                .setParameter("now", now)
                .setParameter("horizon", horizon(now))
                .getResultList()
                .forEach(row -> planned.add(key((Long) row[0], (Long) row[1], (Instant) row[2])));
        Map<Long, List<FamilyMember>> seatedByGroup = new HashMap<>();
        int written = 0;
        for (GroupSession meeting : meetings) {
            SupportGroup group = meeting.getGroup();
            for (FamilyMember member : seatedByGroup.computeIfAbsent(group.getId(), id -> seated(group))) {
                if (!planned.contains(key(group.getId(), member.getId(), meeting.getStartsAt()))) {
                    written += write(meeting, member, now);
                }
            }
        }
        return written;
    }

    private static String key(long groupId, long memberId, Instant startsAt) {
        return groupId + "/" + memberId + "/" + startsAt;
    }

    /** Writes one member's reminders of the group's meetings within reach (they took a seat). */
    int planFor(SupportGroup group, FamilyMember member) {
        Instant now = clock.now();
        int written = 0;
        for (GroupSession meeting : em.createQuery(
                        "select s from GroupSession s where s.group = :group and s.status = :scheduled"
                                + " and s.startsAt > :now and s.startsAt <= :horizon",
                        GroupSession.class)
                .setParameter("group", group)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .setParameter("now", now)
                .setParameter("horizon", horizon(now))
                .getResultList()) {
            written += write(meeting, member, now);
        }
        return written;
    }

    /** Writes the reminders of one meeting (moved to a new time) for every member seated. */
    int planMeeting(GroupSession meeting) {
        Instant now = clock.now();
        if (meeting.getStatus() != GroupSessionStatus.SCHEDULED
                || meeting.getStartsAt().isAfter(horizon(now))) {
            return 0;
        }
        int written = 0;
        for (FamilyMember member : seated(meeting.getGroup())) {
            written += write(meeting, member, now);
        }
        return written;
    }

    /** Withdraws the pending reminders of one meeting, at its start {@code startsAt} (cancelled, moved, removed). */
    int withdrawMeeting(SupportGroup group, Instant startsAt, String why) {
        return outbox.withdraw(OutboxMessage.SUPPORT_GROUP, group.getId(), startsAt, why);
    }

    /** Withdraws one member's pending reminders of the group's meetings (they left it). */
    int withdrawFor(SupportGroup group, FamilyMember member, String why) {
        return outbox.withdrawFor(OutboxMessage.SUPPORT_GROUP, group.getId(), member.getId(), why);
    }

    /**
     * Writes the reminders of the meeting for the member: each lead's, at its time, once. A lead whose time has passed
     * is written only when no reminder of this meeting was written to the member yet (a member seated 47 hours before
     * gets the 48-hour one at once; the planner's later runs add nothing for passed leads).
     */
    private int write(GroupSession meeting, FamilyMember member, Instant now) {
        int written = 0;
        List<ReminderLeads.Due> due = ReminderLeads.configured().due(meeting.getStartsAt(), now);
        boolean anyYet = alreadyWritten(meeting, member);
        for (ReminderLeads.Due d : due) {
            boolean passed = !d.at().isAfter(now);
            if (passed && anyYet) {
                continue;
            }
            if (outbox.writeOnce(
                    MessageKind.MEETING_REMINDER,
                    member,
                    OutboxMessage.SUPPORT_GROUP,
                    meeting.getGroup().getId(),
                    meeting.getStartsAt(),
                    d.leadMinutes(),
                    d.at())) {
                written++;
            }
        }
        return written;
    }

    private boolean alreadyWritten(GroupSession meeting, FamilyMember member) {
        return !em.createQuery(
                        "select m.id from OutboxMessage m where m.kind = :kind and m.subjectType = :type"
                                + " and m.subjectId = :group and m.member = :member and m.aboutAt = :start"
                                + " and m.status <> org.hearth.messages.MessageStatus.WITHDRAWN",
                        Long.class)
                .setParameter("kind", MessageKind.MEETING_REMINDER)
                .setParameter("type", OutboxMessage.SUPPORT_GROUP)
                .setParameter("group", meeting.getGroup().getId())
                .setParameter("member", member)
                .setParameter("start", meeting.getStartsAt())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private List<FamilyMember> seated(SupportGroup group) {
        return em.createQuery(
                        "select e.member from Enrollment e where e.group = :group and e.status = :enrolled"
                                + " order by e.member.id",
                        FamilyMember.class)
                .setParameter("group", group)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .getResultList();
    }
}
