package org.hearth.staff;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.security.Conflict;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Resolves the signed-in user to their staff record. Open to every Hearth role, and to nobody else:
 * a Keycloak user without a Hearth role is refused (and audited), and so is one whose staff record an
 * administrator has deactivated ({@link Refused#deactivatedAccount()}).
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class StaffDirectory {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    /**
     * Signs the caller in: finds their staff record by the token's subject (or, before the first
     * sign-in, by username), creates it from the token's claims when there is none, refreshes name,
     * email and the roles they hold now, and audits the sign-in. The identity must be the caller's
     * own: nobody signs in as someone else.
     */
    public StaffProfile signIn(@NotNull @Valid SignedInIdentity identity) {
        StaffMember member = resolve(identity);
        refuseDeactivated(member, "sign-in");
        member.signedIn(identity, currentRoles(), ClinicClock.current().now());
        audit.record(AuditEvent.allowed(AuditAction.SIGN_IN, "StaffMember", member.getId()));
        return member.toProfile();
    }

    /** The caller's own profile (roles as they hold them now, programs), audited as a view. */
    public StaffProfile profile(@NotNull @Valid SignedInIdentity identity) {
        StaffMember member = resolve(identity);
        refuseDeactivated(member, "own profile");
        member.signedIn(identity, currentRoles(), member.getLastSignInAt());
        audit.record(AuditEvent.allowed(AuditAction.VIEW_OWN_PROFILE, "StaffMember", member.getId()));
        return member.toProfile();
    }

    /** Audits the caller's sign-out (the web layer ends the sessions). */
    public void signOut() {
        audit.record(AuditEvent.allowed(AuditAction.SIGN_OUT, "StaffMember", null));
    }

    /**
     * Whether Hearth refuses the caller because an administrator deactivated their staff record; a refusal is
     * audited with what was asked for. Asked on every signed-in request (pages and API), so it is one query
     * by the token's subject (or, before the first sign-in, the username), both unique and indexed, outside
     * any transaction; the database answers, so every node of a cluster answers the same at once.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean refusesCaller(String subject, String requested) {
        List<Instant> deactivated = em.createQuery(
                        "select s.deactivatedAt from StaffMember s"
                                + " where s.subject = :subject or (s.subject is null and s.username = :username)",
                        Instant.class)
                .setParameter("subject", subject == null ? "" : subject)
                .setParameter("username", context.getCallerPrincipal().getName())
                .getResultList();
        if (deactivated.isEmpty() || deactivated.get(0) == null) {
            return false;
        }
        audit.record(AuditEvent.denied(
                AuditAction.SIGN_IN_REFUSED,
                "Request",
                requested == null || requested.length() <= 255 ? requested : requested.substring(0, 255),
                "the staff record is deactivated in Hearth"));
        return true;
    }

    private void refuseDeactivated(StaffMember member, String requested) {
        if (!member.isActive()) {
            audit.record(AuditEvent.denied(
                    AuditAction.SIGN_IN_REFUSED,
                    "StaffMember",
                    member.getId(),
                    requested + ": the staff record is deactivated in Hearth"));
            throw Refused.deactivatedAccount();
        }
    }

    private StaffMember resolve(SignedInIdentity identity) {
        String caller = context.getCallerPrincipal().getName();
        if (!caller.equals(identity.username())) {
            throw new Refused("a staff member can only sign in as themselves");
        }
        StaffMember member = find(identity);
        if (member == null) {
            // Two first requests of the same user may race here: the insert tolerates the other one.
            em.createNativeQuery(
                            "insert into staff_member (username, subject, display_name, email) values (?1, ?2, ?3, ?4)"
                                    + " on conflict do nothing")
                    .setParameter(1, identity.username())
                    .setParameter(2, identity.subject())
                    .setParameter(3, displayNameOf(identity))
                    .setParameter(4, identity.email())
                    .executeUpdate();
            member = find(identity);
        }
        if (member == null) {
            throw new Conflict(
                    Conflict.Subject.IDENTITY,
                    "The staff record for '" + identity.username()
                            + "' belongs to another account; ask an administrator.");
        }
        return member;
    }

    private StaffMember find(SignedInIdentity identity) {
        List<StaffMember> found = em.createNamedQuery("StaffMember.findBySubjectOrUsername", StaffMember.class)
                .setParameter("subject", identity.subject())
                .setParameter("username", identity.username())
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private List<String> currentRoles() {
        return Role.realmNames().stream().filter(context::isCallerInRole).toList();
    }

    private static String displayNameOf(SignedInIdentity identity) {
        return identity.displayName() == null || identity.displayName().isBlank()
                ? identity.username()
                : identity.displayName();
    }
}
