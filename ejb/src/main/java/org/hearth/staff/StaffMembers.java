package org.hearth.staff;

import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hearth.security.Role;

/**
 * The one place services look up a staff record: the caller's by the token's subject ({@link #signedIn}, through
 * {@link org.hearth.access.Caller}), a colleague's by username.
 */
public final class StaffMembers {

    /** Roles are kept as one sorted, comma-separated text (the identity provider's, at the last sign-in). */
    private static final String IS_COUNSELOR = "concat(',', s.roles, ',') like '%," + Role.Names.COUNSELOR + ",%'";

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

    /**
     * The signed-in person's staff record, by the token's subject. The username finds only a record no sign-in has
     * linked to a subject yet (one an administrator prepared ahead): a linked record is never found by a username,
     * which an administrator can rename and give to someone else.
     */
    public Optional<StaffMember> signedIn(String subject, String username) {
        return em.createNamedQuery("StaffMember.findBySubjectOrUsername", StaffMember.class)
                .setParameter("subject", subject)
                .setParameter("username", username)
                .getResultStream()
                .min(Comparator.comparing(s -> !subject.equals(s.getSubject())));
    }

    /** The colleague, when they are a counselor of the program (who may lead its sessions and families). */
    public Optional<StaffMember> counselorOf(String username, Program program) {
        return byUsername(username).filter(s -> s.getRoles().contains(Role.Names.COUNSELOR) && s.belongsTo(program));
    }

    /** The program's counselors, by name. */
    public List<StaffMember> counselorsOf(Program program) {
        return em.createQuery(
                        "select s from StaffMember s join s.programs p where p.id = :program and " + IS_COUNSELOR
                                + " order by s.displayName",
                        StaffMember.class)
                .setParameter("program", program.getId())
                .getResultList();
    }

    /** Every counselor of the clinic, by name. */
    public List<StaffMember> counselors() {
        return em.createQuery(
                        "select s from StaffMember s where " + IS_COUNSELOR + " order by s.displayName",
                        StaffMember.class)
                .getResultList();
    }
}
