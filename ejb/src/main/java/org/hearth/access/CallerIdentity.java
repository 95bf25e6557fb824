package org.hearth.access;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.security.Role;

/**
 * The caller's security identity as the EJB container holds it (the principal's name and the Hearth roles), read
 * for {@link Caller}, which is not an enterprise bean and so has no session context of its own.
 */
@Stateless
@PermitAll
public class CallerIdentity {

    @Resource
    private SessionContext context;

    /** The principal's name: the username the identity provider gives. */
    public String username() {
        return context.getCallerPrincipal().getName();
    }

    /** The Hearth roles the caller holds now. */
    public Set<String> roles() {
        return Role.realmNames().stream().filter(context::isCallerInRole).collect(Collectors.toUnmodifiableSet());
    }
}
