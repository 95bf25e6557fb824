package org.hearth.groups;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.messages.LinkPurpose;
import org.hearth.messages.LinkUses;
import org.hearth.messages.OutboxMessage;

/**
 * "I'll be there" and "I can't come" in a group meeting's reminder (reached through the reminders' one
 * {@code LinkAnswer}, in the appointments package). The answer is kept for the member and the meeting's start
 * ({@code meeting_answer}); the roster shows it. "I can't come" is an advance cancellation by the family: attendance
 * is taken on the day, by the facilitator, and a mark recorded in advance would make the meeting look held; the roster
 * shows it beside the member so the facilitator can mark them excused. Their later reminders of that meeting are
 * not written ({@link MeetingReminderWriter} finds the answer). Once the meeting has started, was moved or cancelled, or the member holds no seat, nothing changes.
 */
@ApplicationScoped
public class MeetingAnswers {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    /** Does {@code purpose} for the meeting the reminder is about; the code the public page shows. */
    public String answer(LinkPurpose purpose, OutboxMessage message, Instant now) {
        List<GroupSession> meetings = em.createQuery(
                        "select s from GroupSession s where s.group.id = :group and s.startsAt = :start",
                        GroupSession.class)
                .setParameter("group", message.getSubjectId())
                .setParameter("start", message.getAboutAt())
                .getResultList();
        if (meetings.isEmpty()) {
            return "moved";
        }
        GroupSession meeting = meetings.get(0);
        if (!now.isBefore(meeting.getStartsAt())) {
            return "too-late";
        }
        if (meeting.getStatus() != GroupSessionStatus.SCHEDULED) {
            return "not-held";
        }
        long memberId = message.getMember().getId();
        boolean seated = !em.createQuery(
                        "select e.id from Enrollment e where e.group = :group and e.member.id = :member"
                                + " and e.status = :enrolled",
                        Long.class)
                .setParameter("group", meeting.getGroup())
                .setParameter("member", memberId)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .getResultList()
                .isEmpty();
        if (!seated) {
            return "no-seat";
        }
        boolean confirm = purpose == LinkPurpose.CONFIRM;
        em.createNativeQuery(
                        """
                        insert into meeting_answer (group_id, member_id, starts_at, answer, answered_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (group_id, member_id, starts_at)
                        do update set answer = excluded.answer, answered_at = excluded.answered_at
                        """)
                .setParameter(1, meeting.getGroup().getId())
                .setParameter(2, memberId)
                .setParameter(3, Timestamp.from(meeting.getStartsAt()))
                .setParameter(4, confirm ? MeetingAnswer.CONFIRMED.name() : MeetingAnswer.CANT_COME.name())
                .setParameter(5, Timestamp.from(now))
                .executeUpdate();
        audit.recordAs(
                LinkUses.ACTOR,
                new AuditEvent(
                        confirm ? AuditAction.CONFIRM_GROUP_MEETING_BY_LINK : AuditAction.CANCEL_GROUP_MEETING_BY_LINK,
                        "GroupSession",
                        meeting.getId().toString(),
                        message.getFamilyId(),
                        AuditOutcome.ALLOWED,
                        "the family's own answer by a reminder's link"));
        return confirm ? "confirmed" : "cant-come";
    }

    /** The members' answers about a meeting, by member id: shown on its roster. */
    public Map<Long, Answered> answersFor(GroupSession meeting) {
        List<Object[]> rows = em.createNativeQuery(
                        "select member_id, answer, answered_at from meeting_answer where group_id = ?1"
                                + " and starts_at = ?2")
                .setParameter(1, meeting.getGroup().getId())
                .setParameter(2, Timestamp.from(meeting.getStartsAt()))
                .getResultList();
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> ((Number) r[0]).longValue(),
                        r -> new Answered(MeetingAnswer.valueOf((String) r[1]), instant(r[2]))));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    /** A member's answer and when it was given. */
    public record Answered(MeetingAnswer answer, Instant at) implements java.io.Serializable {}
}
