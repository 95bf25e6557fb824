package org.hearth.appointments;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import org.hearth.family.FamilyMember;
import org.hearth.messages.MessageKind;
import org.hearth.messages.Outbox;
import org.hearth.messages.OutboxMessage;
import org.hearth.messages.ReminderLeads;
import org.hearth.time.ClinicClock;

/**
 * The reminders of family sessions in the outbox, written and withdrawn in the transaction of the booking, move or
 * cancellation that causes them: one per lead ({@link ReminderLeads#due}) per attending member the outbox may message
 * ({@link Outbox#mayMessage}).
 */
@Dependent
class SessionReminders {

    @Inject
    Outbox outbox;

    @Inject
    ClinicClock clock;

    /** Writes the session's reminders for its current start; answers how many were written. */
    int write(Appointment appointment) {
        Instant now = clock.now();
        int written = 0;
        for (ReminderLeads.Due due : ReminderLeads.configured().due(appointment.getStartsAt(), now)) {
            for (FamilyMember member : appointment.getMembers()) {
                if (outbox.write(
                                MessageKind.SESSION_REMINDER,
                                member,
                                OutboxMessage.APPOINTMENT,
                                appointment.getId(),
                                appointment.getStartsAt(),
                                due.leadMinutes(),
                                due.at())
                        .isPresent()) {
                    written++;
                }
            }
        }
        return written;
    }

    /** Withdraws the session's pending reminders, saying why (cancelled, moved). */
    int withdraw(Appointment appointment, String why) {
        return outbox.withdraw(OutboxMessage.APPOINTMENT, appointment.getId(), why);
    }

    /** The session moved: the reminders for the old time are withdrawn, those for the new one written. */
    void replace(Appointment appointment) {
        withdraw(appointment, "the session was moved");
        write(appointment);
    }
}
