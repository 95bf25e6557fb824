package org.hearth.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.Optional;
import org.hearth.messages.Letter;
import org.hearth.messages.LetterWriter;
import org.hearth.messages.Letters;
import org.hearth.messages.Links;
import org.hearth.messages.MessageKind;
import org.hearth.messages.OutboxMessage;
import org.hearth.messages.ReminderText;
import org.hearth.time.ClinicClock;

/**
 * Writes a group meeting's reminder at sending time ({@link MessageKind#MEETING_REMINDER}): the neutral
 * {@link ReminderText} - "an appointment at the clinic", never the group's name or kind - with "I'll be there" and
 * "I can't come" links that expire when the meeting starts. Nothing (the worker withdraws the message) when no
 * scheduled meeting of the group starts at the time the reminder is about (cancelled, moved, removed by a new rule),
 * when the member no longer holds a seat, or when they already answered they cannot come.
 */
@ApplicationScoped
public class MeetingReminderWriter implements LetterWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClinicClock clock;

    @Override
    public MessageKind kind() {
        return MessageKind.MEETING_REMINDER;
    }

    @Override
    public Optional<Letter> write(OutboxMessage message, Links links) {
        boolean held = !em.createQuery(
                        "select s.id from GroupSession s where s.group.id = :group and s.startsAt = :start"
                                + " and s.status = :scheduled",
                        Long.class)
                .setParameter("group", message.getSubjectId())
                .setParameter("start", message.getAboutAt())
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED)
                .getResultList()
                .isEmpty();
        boolean seated = !em.createQuery(
                        "select e.id from Enrollment e where e.group.id = :group and e.member = :member"
                                + " and e.status = :enrolled",
                        Long.class)
                .setParameter("group", message.getSubjectId())
                .setParameter("member", message.getMember())
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .getResultList()
                .isEmpty();
        boolean cannotCome = !em.createNativeQuery(
                        "select 1 from meeting_answer where group_id = ?1 and member_id = ?2 and starts_at = ?3"
                                + " and answer = 'CANT_COME'")
                .setParameter(1, message.getSubjectId())
                .setParameter(2, message.getMember().getId())
                .setParameter(3, Timestamp.from(message.getAboutAt()))
                .getResultList()
                .isEmpty();
        if (!held || !seated || cannotCome) {
            return Optional.empty();
        }
        return Optional.of(ReminderText.reminder(
                Letters.languageOf(message.getMember()), message.getAboutAt(), clock.zone(), links));
    }
}
