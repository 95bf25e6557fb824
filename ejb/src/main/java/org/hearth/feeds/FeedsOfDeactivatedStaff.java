package org.hearth.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hearth.staff.StaffDeactivated;

/** Revokes, in the administrator's transaction, the calendar feed of a staff member just deactivated. */
@ApplicationScoped
public class FeedsOfDeactivatedStaff {

    @PersistenceContext
    EntityManager em;

    public void revoke(@Observes StaffDeactivated deactivated) {
        deactivated.calendarFeedsRevoked(em.createQuery("update CalendarFeed f set f.revokedAt = :now"
                        + " where f.owner = :member and f.revokedAt is null")
                .setParameter("now", deactivated.at())
                .setParameter("member", deactivated.member())
                .executeUpdate());
    }
}
