package org.hearth.messages;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hearth.persistence.DatabaseUnavailable;

/**
 * Sends the outbox every 5 seconds: up to {@link #PER_ROUND} due messages a round, each in its own transaction
 * ({@link OutboxSender#sendNext()}). Not persistent: every server runs its own timer, and the database's row locks
 * ({@code skip locked}) share the messages out, so each is sent once.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxWorker {

    static final int PER_ROUND = 50;

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    private final AtomicBoolean sending = new AtomicBoolean();

    @EJB
    private OutboxSender sender;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "send the outbox")
    void everyFiveSeconds() {
        sendDue();
    }

    /** Sends what is due now; answers how many messages were handled (sent, failed, withdrawn, put off). */
    public int sendDue() {
        if (!sending.compareAndSet(false, true)) {
            return 0; // the round before is still sending
        }
        int handled = 0;
        try {
            while (handled < PER_ROUND && sender.sendNext()) {
                handled++;
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                LOG.warning(
                        "The outbox was not sent this round: the database is out of reach (" + e.getMessage() + ")");
            } else {
                LOG.log(Level.SEVERE, "The outbox could not be sent: " + e.getMessage(), e);
            }
        } finally {
            sending.set(false);
        }
        return handled;
    }
}
