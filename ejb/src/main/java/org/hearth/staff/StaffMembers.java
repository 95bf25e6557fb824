package org.hearth.staff;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/** The one place services look up a staff record by the caller's or a colleague's username. */
public final class StaffMembers {

    private final EntityManager em;

    public StaffMembers(EntityManager em) {
        this.em = em;
    }

    public Optional<StaffMember> byUsername(String username) {
        return em.createNamedQuery("StaffMember.findByUsername", StaffMember.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}
