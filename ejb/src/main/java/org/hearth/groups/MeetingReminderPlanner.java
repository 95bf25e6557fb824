package org.hearth.groups;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.hearth.messages.ReminderLeads;
import org.hearth.time.ScheduledWork;

/**
 * Writes the reminders of group meetings as they come within the longest reminder lead (and a margin): group
 * meetings recur without end, so their reminders cannot all be written when a member takes a seat. Every minute, on
 * every server (a timer that is not persistent): {@link org.hearth.messages.Outbox#writeOnce} and the outbox's unique
 * index make a reminder written once however many servers plan at the same time.
 *
 * <p>Starts with the application, and reads the clinic's reminder leads then: a wrong {@code HEARTH_REMINDER_LEADS}
 * stops the deployment with a message naming the setting.
 */
@Singleton
@Startup
@PermitAll
public class MeetingReminderPlanner {

    private static final Logger LOG = Logger.getLogger(MeetingReminderPlanner.class.getName());

    @Inject
    MeetingReminders reminders;

    @PostConstruct
    void readTheLeads() {
        LOG.info("Reminders are sent " + ReminderLeads.configured() + " before family sessions and group meetings"
                + " (HEARTH_REMINDER_LEADS)");
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "write the reminders of group meetings ahead")
    void everyMinute() {
        if (!ScheduledWork.paused()) {
            planNow();
        }
    }

    /** Writes the reminders of the meetings within reach now; answers how many were new. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int planNow() {
        return reminders.planAll();
    }
}
