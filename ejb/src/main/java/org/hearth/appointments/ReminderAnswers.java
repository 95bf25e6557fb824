package org.hearth.appointments;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.groups.MeetingAnswers;
import org.hearth.messages.LinkAnswer;
import org.hearth.messages.LinkPurpose;
import org.hearth.messages.LinkUses;
import org.hearth.messages.MessageKind;
import org.hearth.messages.OutboxMessage;

/**
 * "I'll be there" and "I can't come" in a reminder, for family sessions here and for group meetings through
 * {@link MeetingAnswers} (one bean answers both purposes, so the page that dispatches links finds exactly one).
 *
 * <p>A session: confirmed, the member's answer is kept with the time ({@code appointment_answer}, apart from the
 * session's row: the version the front desk edits does not change); can't come, the session is cancelled by the
 * family at the time of the answer, exactly as the front desk cancels it (so one under 24 hours before the start
 * counts as a late cancellation in the reports), its other reminders withdrawn, and audited as the family's own
 * answer. Once the session has started, was moved since the reminder, or is no longer scheduled, nothing changes and
 * the code says why.
 */
@ApplicationScoped
public class ReminderAnswers implements LinkAnswer {

    /** The cancel reason a session cancelled by the family's own link keeps. */
    public static final String CANCELLED_BY_LINK = "The family answered \"I can't come\" by the reminder's link.";

    @PersistenceContext
    EntityManager em;

    @Inject
    SessionReminders reminders;

    @Inject
    MeetingAnswers meetings;

    @EJB
    AuditTrail audit;

    @Override
    public Set<LinkPurpose> purposes() {
        return Set.of(LinkPurpose.CONFIRM, LinkPurpose.CANT_COME);
    }

    @Override
    public String answer(LinkPurpose purpose, OutboxMessage message, Instant now) {
        if (message.getKind() == MessageKind.MEETING_REMINDER) {
            return meetings.answer(purpose, message, now);
        }
        if (message.getKind() != MessageKind.SESSION_REMINDER) {
            throw new IllegalArgumentException("not a reminder: " + message.getKind());
        }
        Appointment appointment = em.find(Appointment.class, message.getSubjectId(), LockModeType.PESSIMISTIC_WRITE);
        if (appointment == null || !appointment.getStartsAt().equals(message.getAboutAt())) {
            return appointment == null ? "not-held" : "moved";
        }
        if (!now.isBefore(appointment.getStartsAt())) {
            return "too-late";
        }
        if (appointment.getStatus() != AppointmentStatus.SCHEDULED) {
            return appointment.getStatus() == AppointmentStatus.CANCELLED_BY_FAMILY ? "already-cancelled" : "not-held";
        }
        long memberId = message.getMember().getId();
        if (purpose == LinkPurpose.CONFIRM) {
            keep(appointment, memberId, "CONFIRMED", now);
            record(AuditAction.CONFIRM_APPOINTMENT_BY_LINK, appointment);
            return "confirmed";
        }
        keep(appointment, memberId, "CANT_COME", now);
        reminders.withdraw(appointment, "the family answered that they cannot come");
        appointment.changeStatus(AppointmentStatus.CANCELLED_BY_FAMILY, CANCELLED_BY_LINK, now);
        em.flush();
        record(AuditAction.CANCEL_APPOINTMENT_BY_LINK, appointment);
        return "cant-come";
    }

    private void keep(Appointment appointment, long memberId, String answer, Instant now) {
        em.createNativeQuery(
                        """
                        insert into appointment_answer (appointment_id, member_id, starts_at, answer, answered_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (appointment_id, member_id, starts_at)
                        do update set answer = excluded.answer, answered_at = excluded.answered_at
                        """)
                .setParameter(1, appointment.getId())
                .setParameter(2, memberId)
                .setParameter(3, Timestamp.from(appointment.getStartsAt()))
                .setParameter(4, answer)
                .setParameter(5, Timestamp.from(now))
                .executeUpdate();
    }

    private void record(AuditAction action, Appointment appointment) {
        audit.recordAs(
                LinkUses.ACTOR,
                new AuditEvent(
                        action,
                        "Appointment",
                        appointment.getId().toString(),
                        appointment.getFamily().getId(),
                        AuditOutcome.ALLOWED,
                        "the family's own answer by a reminder's link"));
    }
}
