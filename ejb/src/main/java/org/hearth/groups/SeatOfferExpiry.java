package org.hearth.groups;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hearth.persistence.DatabaseUnavailable;
import org.hearth.time.ScheduledWork;

/**
 * Every minute, ends the seat offers past their deadline and passes each seat on ({@link SeatOffers#expireDue}).
 * Every server runs its own timer (not persistent): the database's row locks, not this timer, make each offer end
 * once. Checks {@link SeatOfferDeadline}'s setting at deployment, so a bad value stops the start with its name.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeatOfferExpiry {

    private static final Logger LOG = Logger.getLogger(SeatOfferExpiry.class.getName());

    @EJB
    private SeatOffers offers;

    @PostConstruct
    void checkTheSetting() {
        LOG.info("Waitlist seat offers hold their seat for "
                + SeatOfferDeadline.configured().toHours() + " hours (" + SeatOfferDeadline.VARIABLE + ")");
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "end seat offers past their deadline")
    void everyMinute() {
        if (ScheduledWork.paused()) {
            return;
        }
        try {
            int ended = offers.expireDue();
            if (ended > 0) {
                LOG.info(ended + " seat offer(s) passed their deadline; each seat was offered to the next");
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                LOG.warning("Seat offers past their deadline were not ended this minute: the database is out of reach ("
                        + e.getMessage() + "); the next minute tries again");
                return;
            }
            LOG.log(Level.SEVERE, "Seat offers past their deadline could not be ended: " + e.getMessage(), e);
        }
    }
}
