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
import java.time.Instant;
import org.hearth.staff.Role;

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
        em.persist(new AuditEntry(Instant.now(), username, roles, event, clientAddress()));
    }

    private String clientAddress() {
        try {
            return origin.getClientAddress();
        } catch (ContextNotActiveException notInARequest) {
            return null;
        }
    }
}
