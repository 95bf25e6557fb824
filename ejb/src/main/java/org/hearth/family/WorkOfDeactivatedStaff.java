package org.hearth.family;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hearth.staff.StaffDeactivated;
import org.hearth.time.ClinicClock;

/**
 * Ends, in the administrator's transaction, what a deactivated staff member held of families: their open
 * emergency accesses and their covering assignments not yet over. Their primary assignments stay until a
 * supervisor reassigns each family; they are counted.
 */
@ApplicationScoped
public class WorkOfDeactivatedStaff {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClinicClock clock;

    public void end(@Observes StaffDeactivated deactivated) {
        deactivated.emergencyAccessesEnded(em.createQuery("update EmergencyAccess a set a.endedAt = :now"
                        + " where a.staff = :member and a.endedAt is null")
                .setParameter("now", deactivated.at())
                .setParameter("member", deactivated.member())
                .executeUpdate());
        deactivated.coveringAssignmentsEnded(em.createQuery("update Assignment a set a.endedAt = :now, a.endedBy = :by"
                        + " where a.counselor = :member and a.kind = :covering and a.endedAt is null"
                        + " and (a.endsOn is null or a.endsOn >= :today)")
                .setParameter("now", deactivated.at())
                .setParameter("by", deactivated.by())
                .setParameter("member", deactivated.member())
                .setParameter("covering", AssignmentKind.COVERING)
                .setParameter("today", clock.today())
                .executeUpdate());
        deactivated.familiesStillPrimary(em.createQuery(
                        "select count(a) from Assignment a where a.counselor = :member and a.kind = :primary"
                                + " and a.endedAt is null",
                        Long.class)
                .setParameter("member", deactivated.member())
                .setParameter("primary", AssignmentKind.PRIMARY)
                .getSingleResult());
    }
}
