package org.hearth.appointments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * Writes a family session's reminder at sending time ({@link MessageKind#SESSION_REMINDER}): the neutral
 * {@link ReminderText}, with "I'll be there" and "I can't come" links that expire when the session starts. Nothing
 * (the worker withdraws the message) when the session is no longer scheduled, or no longer starts at the time the
 * reminder is about (it was moved: its new reminders are other messages).
 */
@ApplicationScoped
public class SessionReminderWriter implements LetterWriter {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClinicClock clock;

    @Override
    public MessageKind kind() {
        return MessageKind.SESSION_REMINDER;
    }

    @Override
    public Optional<Letter> write(OutboxMessage message, Links links) {
        Appointment appointment = em.find(Appointment.class, message.getSubjectId());
        if (appointment == null
                || appointment.getStatus() != AppointmentStatus.SCHEDULED
                || !appointment.getStartsAt().equals(message.getAboutAt())) {
            return Optional.empty();
        }
        if (appointment.isTelehealth()) {
            // a video appointment: nobody is to come to the clinic, so no address
            return Optional.of(ReminderText.videoReminder(
                    Letters.languageOf(message.getMember()), appointment.getStartsAt(), clock.zone(), links));
        }
        return Optional.of(ReminderText.reminder(
                Letters.languageOf(message.getMember()), appointment.getStartsAt(), clock.zone(), links));
    }
}
