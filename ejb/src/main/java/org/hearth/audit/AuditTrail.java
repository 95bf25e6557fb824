package org.hearth.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.List;
import org.hearth.security.EmergencyAccessLimit;
import org.hearth.security.RequestMemo;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Writes audit entries for the calling user. Every service that reads or writes clinical data, and
 * every refusal, goes through here. Entries are written in their own transaction so that a denied or
 * failed call, whose own transaction rolls back, still leaves its entry.
 */
@Stateless
@PermitAll
@DeclareRoles({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class AuditTrail {

    static final String ANONYMOUS = "anonymous";

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private RequestOrigin origin;

    /** Records the event as done by the caller, now, from the current request's client address. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEvent event) {
        Principal caller = context.getCallerPrincipal();
        String username = caller == null ? ANONYMOUS : caller.getName();
        String roles = String.join(
                ",", Role.realmNames().stream().filter(context::isCallerInRole).toList());
        em.persist(
                new AuditEntry(ClinicClock.current().now(), username, roles, marked(event, username), clientAddress()));
    }

    /**
     * Records the event as done by {@code actor}, a part of Hearth that acts by itself rather than for a signed-in
     * user (the outbox worker {@code "hearth-mail"}, a message's link {@code "message-link"}), now, with no roles.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAs(String actor, AuditEvent event) {
        em.persist(new AuditEntry(ClinicClock.current().now(), actor, "", event, clientAddress()));
    }

    /**
     * The event, marked when the caller reaches the family through an emergency access (break the glass):
     * its reason then starts with {@code [emergency access N]}, so a reviewer finds everything done under it.
     */
    private AuditEvent marked(AuditEvent event, String username) {
        if (event.familyId() == null
                || event.action() == AuditAction.BREAK_THE_GLASS
                || !context.isCallerInRole(Role.Names.COUNSELOR)) {
            return event;
        }
        List<?> open = RequestMemo.inRequest(
                "emergency mark " + username + " " + event.familyId(), () -> openEmergencyAccess(username, event));
        if (open.isEmpty()) {
            return event;
        }
        String mark = "[emergency access " + open.get(0) + "]";
        return new AuditEvent(
                event.action(),
                event.entityType(),
                event.entityId(),
                event.familyId(),
                event.outcome(),
                event.reason() == null ? mark : mark + " " + event.reason());
    }

    /** The access opened in this request's session, if any: only it reaches the family (see FamilyAccessPolicy). */
    private List<?> openEmergencyAccess(String username, AuditEvent event) {
        String sessionKey = RequestOrigin.sessionKeyInRequest().orElse(null);
        if (sessionKey == null) {
            return List.of();
        }
        return em.createNativeQuery("select a.id from emergency_access a join staff_member s on s.id = a.staff_id"
                        + " where s.username = ?1 and a.family_id = ?2 and a.ended_at is null"
                        + " and a.granted_at > ?3 and a.session_key = ?4 order by a.id desc")
                .setParameter(1, username)
                .setParameter(2, event.familyId())
                .setParameter(3, ClinicClock.current().now().minus(EmergencyAccessLimit.LONGEST))
                .setParameter(4, sessionKey)
                .setMaxResults(1)
                .getResultList();
    }

    private String clientAddress() {
        try {
            return origin.getClientAddress();
        } catch (ContextNotActiveException notInARequest) {
            return null;
        }
    }
}
